package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.SequenceNumbers;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * How far an archive already holds a table's removals, learned from its committed files alone (as
 * Kafka Connect's S3 sink learns its offsets from its objects): per shard, the last sequence number
 * archived. The file sink commits what a checkpoint covers, and a shard is read in order by one
 * reader, so what the visible files hold of a shard is everything up to that number. A job starting
 * without state over an archive that already holds files reads the stream from its oldest record and
 * skips what the files hold: no removal is archived twice, none is lost. Only the hours the stream
 * can still hold are read: its retention (24 hours) and one more.
 */
final class ArchivedPositions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How far back the stream reaches: DynamoDB Streams' retention of 24 hours, and an hour for the hour's files. */
    static final Duration LOOKBACK = Duration.ofHours(25);

    private final Map<String, String> lastArchivedByShard;

    private ArchivedPositions(Map<String, String> lastArchivedByShard) {
        this.lastArchivedByShard = Map.copyOf(lastArchivedByShard);
    }

    /** What the visible files of {@code table} under {@code root} hold, from the hours since {@code now - LOOKBACK}. */
    static ArchivedPositions read(String root, String table, ArchiveFormat format, Instant now) throws IOException {
        Map<String, String> last = new HashMap<>();
        for (Path hour : ArchivedHours.between(root, table, now.minus(LOOKBACK), Instant.MAX)) {
            FileSystem files = hour.getFileSystem();
            for (FileStatus file : files.listStatus(hour)) {
                String name = file.getPath().getName();
                if (file.isDir() || name.startsWith(".") || name.startsWith("_") || !name.endsWith(format.suffix())) {
                    continue;
                }
                format.read(file.getPath(), record -> remember(last, record));
            }
        }
        return new ArchivedPositions(last);
    }

    private static void remember(Map<String, String> last, ChangeRecord record) {
        if (record.shardId() != null && record.sequenceNumber() != null) {
            last.merge(record.shardId(), record.sequenceNumber(), (a, b) -> SequenceNumbers.compare(a, b) >= 0 ? a : b);
        }
    }

    /** Whether the archive already holds the record: its shard's last archived sequence number is at or after it. */
    boolean holds(ChangeRecord record) {
        String last = lastArchivedByShard.get(record.shardId());
        return last != null && SequenceNumbers.compare(record.sequenceNumber(), last) <= 0;
    }

    /** The shards the archive holds removals of. */
    int shards() {
        return lastArchivedByShard.size();
    }

    static ArchivedPositions none() {
        return new ArchivedPositions(Map.of());
    }
}
