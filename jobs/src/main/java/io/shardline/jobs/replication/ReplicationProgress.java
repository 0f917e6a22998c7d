package io.shardline.jobs.replication;

import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.versions.VersionedChanges;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches a running replication through the Flink REST API and prints a progress line at each tick:
 * items scanned of the table's count during the snapshot, the stream's lag, then per target its
 * writes per second, how long its latest write took from the source change (its lag), and writes
 * it is sending again because the target throttled, failed or did not answer.
 */
final class ReplicationProgress {
    private final JobMetrics metrics;
    private final ReplicationPlan plan;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Long> lastWrites = new HashMap<>();
    private long lastTickMillis;

    ReplicationProgress(JobMetrics metrics, ReplicationPlan plan, PrintStream out, Clock clock) {
        this.metrics = metrics;
        this.plan = plan;
        this.out = out;
        this.clock = clock;
        this.lastTickMillis = clock.millis();
    }

    void tick() {
        long now = clock.millis();
        JobMetrics.Reading reading = metrics.read(".shardline.");
        StringBuilder line = new StringBuilder("replicate ").append(plan.source().table()).append(": ");
        if (plan.snapshot() && !reading.finished(VersionedChanges.SNAPSHOT)) {
            line.append(String.format("snapshot %,d of ~%,d items | ",
                    Math.max(0, reading.sum(".shardline.itemsScanned")), plan.source().itemCount()));
        }
        line.append("stream lag ").append(millis(reading.max(".shardline.millisBehindLatest")));
        for (int i = 0; i < plan.targets().size(); i++) {
            ReplicationTarget target = plan.targets().get(i);
            String operator = ReplicationPipeline.TARGET + (i + 1) + "_";
            long writes = Math.max(0, reading.sum(operator, ".shardline.writesApplied"));
            double perSecond = (writes - lastWrites.getOrDefault(target.name(), 0L)) * 1000.0
                    / Math.max(1, now - lastTickMillis);
            lastWrites.put(target.name(), writes);
            long resent = reading.sum(operator, ".shardline.writesResent");
            line.append(String.format(" | %s: %,.0f writes/s, lag %s", target.name(), perSecond,
                    millis(reading.max(operator, ".shardline.changeToWriteMillis"))));
            if (resent > 0) {
                line.append(String.format(", %,d writes resent (throttled, failing or unreachable)", resent));
            }
        }
        lastTickMillis = now;
        out.println(line);
    }

    private static String millis(long value) {
        return value < 0 ? "unknown" : value + " ms";
    }
}
