package io.shardline.jobs.index;

import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.Rate;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.versions.SnapshotCleanup;
import io.shardline.jobs.versions.VersionedChanges;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Watches a running index job through the Flink REST API: prints a progress line at each tick
 * (items scanned of the table's count during the snapshot, then documents per second, version
 * conflicts, dead letters, lag behind the stream, and the cleanup after a snapshot), starts that
 * cleanup once the snapshot is complete ({@link SnapshotCleanup}), and, for a rebuild, moves the alias once the
 * new index has caught up: the snapshot is done, the stream's lag is within bounds, and a checkpoint
 * taken after that moment has completed, so the sink has flushed everything up to it.
 */
final class IndexProgress {
    private final JobMetrics metrics;
    private final IndexPlan plan;
    private final SearchIndexAdmin admin;
    private final long caughtUpLagMillis;
    private final PrintStream out;
    private final Clock clock;
    private final RunState run;
    private final SnapshotCleanup cleanup;
    private final CompletableFuture<String> aliasMoved = new CompletableFuture<>();
    private final Rate written;
    private long caughtUpAtMillis = -1;

    IndexProgress(
            JobMetrics metrics,
            IndexPlan plan,
            SearchIndexAdmin admin,
            long caughtUpLagMillis,
            PrintStream out,
            Clock clock,
            RunState run,
            SnapshotCleanup cleanup) {
        this.metrics = metrics;
        this.plan = plan;
        this.admin = admin;
        this.caughtUpLagMillis = caughtUpLagMillis;
        this.out = out;
        this.clock = clock;
        this.run = run;
        this.cleanup = cleanup;
        this.written = new Rate(clock.millis());
        if (plan.aliasToMove() == null) {
            aliasMoved.complete(null);
        }
    }

    /** Completes with the index the alias points at once it moved (at once, with null, without a rebuild). */
    CompletableFuture<String> aliasMoved() {
        return aliasMoved;
    }

    void tick() {
        long now = clock.millis();
        JobMetrics.Reading reading = metrics.read(".shardline.");
        double perSecond = written.perSecond(
                Math.max(0, reading.sum(".shardline.documentsIndexed"))
                        + Math.max(0, reading.sum(".shardline.documentsDeleted")),
                now);
        boolean snapshotDone = !plan.handoff().snapshot() || reading.finished(VersionedChanges.SNAPSHOT);
        long lag = reading.streamLag();
        StringBuilder line = new StringBuilder("index ").append(plan.index()).append(": ");
        if (!snapshotDone) {
            line.append(String.format(
                    "snapshot %,d of ~%,d items | ",
                    Math.max(0, reading.sum(".shardline.itemsScanned")),
                    plan.table().itemCount()));
        }
        line.append(String.format(
                "%,.0f documents/s | %,d version conflicts | %,d dead letters | lag %s",
                perSecond,
                Math.max(0, reading.sum(".shardline.versionConflicts")),
                Math.max(0, reading.sum(".shardline.deadLetters")),
                lag < 0 ? "unknown" : lag + " ms"));
        line.append(cleanup.progress());
        if (run.snapshotsAgain() > 0) {
            line.append(" | snapshots again after a trimmed stream: ").append(run.snapshotsAgain());
        }
        out.println(line);
        cleanup.tick(snapshotDone, metrics.latestCheckpointMillis(), now);
        if (!aliasMoved.isDone()) {
            moveAliasOnceCaughtUp(snapshotDone, lag, now);
        }
    }

    private void moveAliasOnceCaughtUp(boolean snapshotDone, long lag, long now) {
        if (caughtUpAtMillis < 0 && snapshotDone && lag >= 0 && lag <= caughtUpLagMillis) {
            caughtUpAtMillis = now;
        }
        if (caughtUpAtMillis >= 0 && metrics.latestCheckpointMillis() > caughtUpAtMillis) {
            admin.refresh(plan.index());
            admin.moveAlias(plan.aliasToMove(), plan.index());
            IndexPlan.aliasMoved(run);
            out.println("alias " + plan.aliasToMove() + " now points at " + plan.index());
            aliasMoved.complete(plan.index());
        }
    }
}
