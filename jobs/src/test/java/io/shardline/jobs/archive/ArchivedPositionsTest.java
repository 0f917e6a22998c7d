package io.shardline.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ArchivedPositionsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:30:00Z");

    @TempDir
    java.nio.file.Path dir;

    private static ChangeRecord removal(String shard, String sequence, Instant deleted) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(shard + "/" + sequence));
        return new ChangeRecord(
                "event-" + sequence,
                "REMOVE",
                "1.1",
                "aws:dynamodb",
                null,
                key,
                key,
                null,
                sequence,
                null,
                deleted.toEpochMilli(),
                null,
                shard,
                ChangeRecord.TTL_SERVICE);
    }

    /** A file of {@code records} in the hour directory of {@code deleted}, named {@code name}. */
    private void file(ArchiveFormat format, Instant deleted, String name, List<ChangeRecord> records)
            throws IOException {
        Path file = new Path(dir.resolve("archive")
                .resolve(ArchivePartitions.tableDirectory("Sessions"))
                .resolve(ArchivePartitions.hourDirectory(deleted))
                .resolve(name + format.suffix())
                .toUri());
        try (FSDataOutputStream out = file.getFileSystem().create(file, FileSystem.WriteMode.NO_OVERWRITE)) {
            BulkWriter<ChangeRecord> writer = format.writer("Sessions", 1024).create(out);
            for (ChangeRecord record : records) {
                writer.addElement(record);
            }
            writer.finish();
        }
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void theVisibleFilesOfTheRetainedHoursTellEachShardsLastArchivedRecord(ArchiveFormat format) throws IOException {
        Instant recent = NOW.minus(Duration.ofHours(3));
        file(
                format,
                recent,
                "removals-a-0",
                List.of(
                        removal("shardId-1", "100000000000000000005", recent),
                        removal("shardId-1", "100000000000000000010", recent),
                        removal("shardId-2", "99000000000000000002", recent)));
        file(format, NOW, "removals-a-1", List.of(removal("shardId-2", "100000000000000000007", NOW)));
        file(format, NOW, ".removals-b-0.inprogress", List.of(removal("shardId-1", "100000000000000000099", NOW)));
        Instant old = NOW.minus(Duration.ofHours(30));
        file(format, old, "removals-c-0", List.of(removal("shardId-3", "100000000000000000001", old)));

        ArchivedPositions positions =
                ArchivedPositions.read(dir.resolve("archive").toString(), "Sessions", format, NOW);
        assertThat(positions.shards())
                .as("shards of the hours the stream still holds")
                .isEqualTo(2);
        assertThat(positions.holds(removal("shardId-1", "100000000000000000010", NOW)))
                .isTrue();
        assertThat(positions.holds(removal("shardId-1", "100000000000000000006", NOW)))
                .isTrue();
        assertThat(positions.holds(removal("shardId-1", "100000000000000000011", NOW)))
                .as("after the last committed record, even where a hidden file holds it")
                .isFalse();
        assertThat(positions.holds(removal("shardId-2", "100000000000000000007", NOW)))
                .as("sequence numbers compare as numbers, not text")
                .isTrue();
        assertThat(positions.holds(removal("shardId-3", "100000000000000000001", NOW)))
                .isFalse();
        assertThat(ArchivedPositions.read(dir.resolve("elsewhere").toString(), "Sessions", format, NOW)
                        .shards())
                .isZero();
    }
}
