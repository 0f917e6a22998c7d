package io.shardline.jobs.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.testing.Await;
import io.shardline.jobs.flink.RunState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnapshotCleanupTest {
    private final List<String> cleaned = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A copy that records the version it was cleaned below and counts {@code removals}. */
    private SnapshotCleanup.Copy copy(String name, int removals) {
        return new SnapshotCleanup.Copy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void removeOlderThan(long version, AtomicLong removed) {
                cleaned.add(name + " below " + version);
                removed.addAndGet(removals);
            }
        };
    }

    @Test
    void copiesHoldingDataAreCleanedBelowTheHandoffOnceACheckpointAfterTheSnapshotCompleted() throws Exception {
        RunState run = RunState.inMemory(false);
        SnapshotHandoff handoff = SnapshotHandoff.of(run, false, Instant.ofEpochSecond(1000), List.of(2));
        SnapshotCleanup cleanup = SnapshotCleanup.of(
                run,
                List.of(copy("new", 5), copy("old", 7)),
                handoff,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(cleanup.progress()).isEqualTo(" | cleanup: once the snapshot is complete");
        cleanup.tick(false, -1, 1_000);
        cleanup.tick(true, 900, 2_000);
        cleanup.tick(true, 1_500, 3_000);
        assertThat(cleaned)
                .as("no checkpoint taken after the snapshot finished yet")
                .isEmpty();
        cleanup.tick(true, 2_500, 4_000);
        Await.until(Duration.ofSeconds(10), () -> cleanup.progress().equals(" | cleanup: removed 7"), "the cleanup");
        assertThat(cleaned).containsExactly("old below " + KeyedVersioner.snapshotVersion(1000));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Snapshot complete: removed 7 entries that the " + "table no longer holds from old");
        assertThat(run.fact("cleanup"))
                .as("done, written down for a resumed run")
                .contains("");
        SnapshotCleanup resumed = SnapshotCleanup.of(
                run,
                List.of(copy("new", 5), copy("old", 7)),
                handoff,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(resumed.progress()).isEmpty();
    }

    @Test
    void aResumedRunKeepsItsHandoffAndItsDueCleanup() {
        RunState run = RunState.inMemory(false);
        SnapshotHandoff first = SnapshotHandoff.of(run, false, Instant.ofEpochSecond(1000), List.of(1));
        SnapshotHandoff again = SnapshotHandoff.of(run, true, Instant.ofEpochSecond(2000), List.of());
        assertThat(again).isEqualTo(first);
        assertThat(run.fact("cleanup")).contains("1");
        RunState withoutSnapshot = RunState.inMemory(false);
        SnapshotHandoff.of(withoutSnapshot, true, Instant.ofEpochSecond(1000), List.of(1));
        assertThat(withoutSnapshot.fact("cleanup"))
                .as("no snapshot, nothing to clean up after")
                .contains("");
        RunState restoredOnACluster = RunState.inMemory(true);
        assertThat(SnapshotHandoff.of(restoredOnACluster, false, Instant.ofEpochSecond(3000), List.of(1))
                        .seconds())
                .isEqualTo(3000);
        assertThat(restoredOnACluster.fact("cleanup"))
                .as("a savepoint's snapshot is not this run's to clean up " + "after")
                .contains("");
    }
}
