package io.shardline.jobs.versions;

import io.shardline.jobs.flink.RunState;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Whether a job that keeps a copy of a table snapshots it first, and the second (the table service's
 * clock, before the Scan began) from which it reads the stream. Decided when a run starts fresh and
 * written down, so a resumed run builds the same job: the same operators, the same snapshot versions.
 *
 * @param seconds the handoff, from which the stream is read; with a snapshot, every scanned item's version
 *                is {@link #version()}, below every change after it
 */
public record SnapshotHandoff(boolean snapshot, long seconds) implements Serializable {
    private static final String SNAPSHOT = "snapshot";
    private static final String HANDOFF = "handoff";

    /**
     * The handoff of the run {@code run} resumes; or, starting fresh, a new one at {@code serviceTime},
     * written down with the copies (numbered from 1) a snapshot must clean up after, those that held
     * data before it ({@link SnapshotCleanup}). A run resumed without its facts (restored from a
     * savepoint on a Flink cluster) gets a new handoff for its graph, but no cleanup: its snapshot may
     * be long done, under a handoff nobody wrote down, and what the copy holds is the restored job's.
     */
    public static SnapshotHandoff of(
            RunState run, boolean noSnapshot, Instant serviceTime, List<Integer> copiesHoldingData) {
        if (run.fact(HANDOFF).isPresent()) {
            return new SnapshotHandoff(
                    Boolean.parseBoolean(run.fact(SNAPSHOT).orElseThrow()),
                    Long.parseLong(run.fact(HANDOFF).orElseThrow()));
        }
        SnapshotHandoff handoff = new SnapshotHandoff(!noSnapshot, serviceTime.getEpochSecond());
        run.remember(SNAPSHOT, Boolean.toString(handoff.snapshot));
        SnapshotCleanup.schedule(run, handoff.snapshot && !run.resumed() ? copiesHoldingData : List.of());
        run.remember(HANDOFF, Long.toString(handoff.seconds));
        return handoff;
    }

    /**
     * The version of every scanned item: every change in or after the handoff's second has a higher
     * one, every earlier run's a lower one.
     */
    public long version() {
        return KeyedVersioner.snapshotVersion(seconds);
    }

    public Instant time() {
        return Instant.ofEpochSecond(seconds);
    }
}
