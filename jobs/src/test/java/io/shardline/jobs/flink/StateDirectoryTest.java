package io.shardline.jobs.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
    @TempDir
    Path dir;

    /** A completed checkpoint or savepoint: its directory with a {@code _metadata} file written at {@code time}. */
    private Path completed(String path, Instant time) throws IOException {
        Path checkpoint = dir.resolve(path);
        Files.createDirectories(checkpoint);
        Files.setLastModifiedTime(Files.writeString(checkpoint.resolve("_metadata"), "m"), FileTime.from(time));
        return checkpoint;
    }

    @Test
    void theDefaultDirectoryIsNamedForTheCommandAndTable() {
        assertThat(StateDirectory.resolve(null, "index", "Orders"))
                .isEqualTo(Path.of("shardline-state", "index-Orders").toAbsolutePath());
        assertThat(StateDirectory.resolve(dir, "index", "Orders")).isEqualTo(dir);
    }

    @Test
    void theNewestCompletedCheckpointOrSavepointIsResumedAndTheRestDiscarded() throws IOException {
        try (StateDirectory states = StateDirectory.take(dir)) {
            assertThat(states.latest()).isEmpty();
            completed("checkpoints/job-a/chk-40", Instant.parse("2026-12-07T10:00:00Z"));
            completed("checkpoints/job-b/chk-41", Instant.parse("2026-12-07T10:15:02Z"));
            Files.createDirectories(dir.resolve("checkpoints/job-b/chk-42"));
            Path savepoint = completed("savepoints/savepoint-1a2b3c-d4", Instant.parse("2026-12-07T10:10:00Z"));
            RetainedCheckpoint latest = states.latest().orElseThrow();
            assertThat(latest.name()).isEqualTo("checkpoint 41");
            assertThat(latest.describe()).isEqualTo("checkpoint 41 taken 2026-12-07T10:15:02Z");
            states.discardAllBut(latest);
            assertThat(dir.resolve("checkpoints/job-a")).doesNotExist();
            assertThat(savepoint).doesNotExist();
            assertThat(states.latest()).contains(latest);

            completed("savepoints/savepoint-1a2b3c-d5", Instant.parse("2026-12-07T11:00:00Z"));
            assertThat(states.latest().orElseThrow().name()).isEqualTo("savepoint savepoint-1a2b3c-d5");
        }
    }

    @Test
    void theRunIsWrittenDownWholeAndDiscardedWithTheCheckpoints() throws IOException {
        try (StateDirectory states = StateDirectory.take(dir)) {
            assertThat(states.storedRun()).isEmpty();
            states.store(new StoredRun(Map.of("--table", "Orders"), Map.of("handoff", "1796660309")));
            assertThat(states.storedRun())
                    .contains(new StoredRun(Map.of("--table", "Orders"), Map.of("handoff", "1796660309")));
            completed("checkpoints/job/chk-1", Instant.now());
            states.discard();
            assertThat(states.storedRun()).isEmpty();
            assertThat(states.latest()).isEmpty();
        }
    }

    @Test
    void oneRunAtATimeHoldsTheDirectory() throws IOException {
        try (StateDirectory first = StateDirectory.take(dir)) {
            assertThat(Files.readString(dir.resolve("lock")))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> StateDirectory.take(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another run of this job uses the state directory " + dir);
        }
        StateDirectory.take(dir).close();
    }
}
