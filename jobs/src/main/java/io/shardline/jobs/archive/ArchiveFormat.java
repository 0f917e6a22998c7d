package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.src.reader.StreamFormat;

/** The archive's file formats: how removals are written and read back, and the files' name suffix. */
public enum ArchiveFormat {
    /** JSON lines in DynamoDB JSON, gzip-compressed. */
    JSONL(".jsonl.gz"),
    /** Parquet, Snappy-compressed. */
    PARQUET(".parquet");

    private final String suffix;

    ArchiveFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Writes removals of {@code table}'s items; Parquet buffers up to {@code rowGroupBytes} a row group. */
    BulkWriter.Factory<ChangeRecord> writer(String table, long rowGroupBytes) {
        return this == JSONL ? JsonLinesArchive.writer(table) : ParquetArchive.writer(table, rowGroupBytes);
    }

    /** Reads files of this format back as the REMOVE records they were made from. */
    StreamFormat<ChangeRecord> reader() {
        return this == JSONL ? JsonLinesArchive.reader() : ParquetArchive.reader();
    }
}
