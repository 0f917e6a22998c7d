package io.shardline.jobs.index;

import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.versions.VersionedChanges;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Watches a running index job through the Flink REST API: prints a progress line at each tick
 * (items scanned of the table's count during the snapshot, then documents per second, version
 * conflicts, dead letters and lag behind the stream) and, for a rebuild, moves the alias once the
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
    private final CompletableFuture<String> aliasMoved = new CompletableFuture<>();
    private long lastWritten;
    private long lastTickMillis;
    private long caughtUpAtMillis = -1;

    IndexProgress(JobMetrics metrics, IndexPlan plan, SearchIndexAdmin admin, long caughtUpLagMillis,
                  PrintStream out, Clock clock) {
        this.metrics = metrics;
        this.plan = plan;
        this.admin = admin;
        this.caughtUpLagMillis = caughtUpLagMillis;
        this.out = out;
        this.clock = clock;
        this.lastTickMillis = clock.millis();
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
        long written = Math.max(0, reading.sum(".shardline.documentsIndexed"))
                + Math.max(0, reading.sum(".shardline.documentsDeleted"));
        double perSecond = (written - lastWritten) * 1000.0 / Math.max(1, now - lastTickMillis);
        lastWritten = written;
        lastTickMillis = now;
        boolean snapshotDone = !plan.snapshot() || reading.finished(VersionedChanges.SNAPSHOT);
        long lag = reading.max(".shardline.millisBehindLatest");
        StringBuilder line = new StringBuilder("index ").append(plan.index()).append(": ");
        if (!snapshotDone) {
            line.append(String.format("snapshot %,d of ~%,d items | ", Math.max(0, reading.sum(".shardline.itemsScanned")),
                    plan.table().itemCount()));
        }
        line.append(String.format("%,.0f documents/s | %,d version conflicts | %,d dead letters | lag %s", perSecond,
                Math.max(0, reading.sum(".shardline.versionConflicts")),
                Math.max(0, reading.sum(".shardline.deadLetters")), lag < 0 ? "unknown" : lag + " ms"));
        out.println(line);
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
            out.println("alias " + plan.aliasToMove() + " now points at " + plan.index());
            aliasMoved.complete(plan.index());
        }
    }
}
