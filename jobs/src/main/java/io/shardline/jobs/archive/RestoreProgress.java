package io.shardline.jobs.archive;

import io.shardline.jobs.flink.JobMetrics;
import java.io.PrintStream;

/** Prints a running restore's progress from the Flink REST API: items considered, restored, skipped, failed. */
final class RestoreProgress {
    private final JobMetrics metrics;
    private final String table;
    private final PrintStream out;

    RestoreProgress(JobMetrics metrics, String table, PrintStream out) {
        this.metrics = metrics;
        this.table = table;
        this.out = out;
    }

    void tick() {
        JobMetrics.Reading reading = metrics.read(".shardline.");
        out.printf(
                "restore into %s: %,d archived items considered, %,d restored, %,d skipped, %,d failed%n",
                table,
                Math.max(0, reading.sum(".shardline.itemsConsidered")),
                Math.max(0, reading.sum(".shardline.writesApplied")),
                Math.max(0, reading.sum(".shardline.staleWritesSkipped")),
                Math.max(0, reading.sum(".shardline.writesRefused")));
    }
}
