package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts each removal under {@code table=<table>/date=<yyyy-MM-dd>/hour=<HH>} of its deletion time in
 * UTC: the Hive-style layout query engines prune by, and the one restore selects date ranges from.
 */
final class ArchivePartitions implements BucketAssigner<ChangeRecord, String> {
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'date='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);
    private final String table;

    ArchivePartitions(String table) {
        this.table = table;
    }

    /** The directory of {@code table}'s removals, under the archive's root. */
    static String tableDirectory(String table) {
        return "table=" + table;
    }

    /** The directory of the hour holding {@code time}, under the table's directory. */
    static String hourDirectory(Instant time) {
        return PARTITION.format(time);
    }

    @Override
    public String getBucketId(ChangeRecord record, BucketAssigner.Context context) {
        return tableDirectory(table) + "/"
                + hourDirectory(Instant.ofEpochMilli(record.approximateCreationTimeMillis()));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
