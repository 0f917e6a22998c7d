package io.shardline.jobs.replication;

import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.Rate;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.versions.SnapshotCleanup;
import io.shardline.jobs.versions.VersionedChanges;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches a running replication through the Flink REST API and prints a progress line at each tick:
 * items scanned of the table's count during the snapshot, the stream's lag, then per target its
 * writes per second, how long its latest write took from the source change (its lag), and writes
 * it is sending again because the target throttled, failed or did not answer; and the cleanup after a
 * snapshot, which it starts once the snapshot is complete ({@link SnapshotCleanup}).
 */
final class ReplicationProgress {
    private final JobMetrics metrics;
    private final ReplicationPlan plan;
    private final PrintStream out;
    private final Clock clock;
    private final RunState run;
    private final SnapshotCleanup cleanup;
    private final List<Rate> writes = new ArrayList<>();

    ReplicationProgress(
            JobMetrics metrics,
            ReplicationPlan plan,
            PrintStream out,
            Clock clock,
            RunState run,
            SnapshotCleanup cleanup) {
        this.metrics = metrics;
        this.plan = plan;
        this.out = out;
        this.clock = clock;
        this.run = run;
        this.cleanup = cleanup;
        plan.targets().forEach(target -> writes.add(new Rate(clock.millis())));
    }

    void tick() {
        long now = clock.millis();
        JobMetrics.Reading reading = metrics.read(".shardline.");
        StringBuilder line =
                new StringBuilder("replicate ").append(plan.source().table()).append(": ");
        boolean snapshotDone = !plan.handoff().snapshot() || reading.finished(VersionedChanges.SNAPSHOT);
        if (!snapshotDone) {
            line.append(String.format(
                    "snapshot %,d of ~%,d items | ",
                    Math.max(0, reading.sum(".shardline.itemsScanned")),
                    plan.source().itemCount()));
        }
        line.append("stream lag ").append(millis(reading.streamLag()));
        for (int i = 0; i < plan.targets().size(); i++) {
            ReplicationTarget target = plan.targets().get(i);
            String operator = ReplicationPipeline.TARGET + (i + 1) + "_";
            double perSecond =
                    writes.get(i).perSecond(Math.max(0, reading.sum(operator, ".shardline.writesApplied")), now);
            long resent = reading.sum(operator, ".shardline.writesResent");
            line.append(String.format(
                    " | %s: %,.0f writes/s, lag %s",
                    target.name(), perSecond, millis(reading.max(operator, ".shardline.changeToWriteMillis"))));
            if (resent > 0) {
                line.append(String.format(", %,d writes resent (throttled, failing or unreachable)", resent));
            }
        }
        line.append(cleanup.progress());
        if (run.snapshotsAgain() > 0) {
            line.append(" | snapshots again after a trimmed stream: ").append(run.snapshotsAgain());
        }
        out.println(line);
        cleanup.tick(snapshotDone, metrics.latestCheckpointMillis(), now);
    }

    private static String millis(long value) {
        return value < 0 ? "unknown" : value + " ms";
    }
}
