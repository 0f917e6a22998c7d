package io.shardline.jobs.archive;

import io.shardline.jobs.flink.JobMetrics;
import java.io.PrintStream;

/**
 * Prints the archive job's progress from the Flink REST API: stream records seen, removals archived,
 * archive files committed (visible), and how far the stream reader is behind.
 */
final class ArchiveProgress {
    private final JobMetrics metrics;
    private final String table;
    private final PrintStream out;

    ArchiveProgress(JobMetrics metrics, String table, PrintStream out) {
        this.metrics = metrics;
        this.table = table;
        this.out = out;
    }

    void tick() {
        JobMetrics.Reading shardline = metrics.read(".shardline.");
        JobMetrics.Reading committer = metrics.read("Committables");
        long lag = shardline.streamLag();
        long skipped = shardline.sum(".shardline.removalsAlreadyArchived");
        out.printf(
                "archive %s: %,d records seen, %,d removals archived%s, %,d files committed, stream lag %s%n",
                table,
                Math.max(0, shardline.sum(".shardline.recordsSeen")),
                Math.max(0, shardline.sum(".shardline.removalsArchived")),
                skipped > 0 ? String.format(" (%,d archived before)", skipped) : "",
                Math.max(0, committer.sum(".successfulCommittables")),
                lag < 0 ? "unknown" : lag + " ms");
    }
}
