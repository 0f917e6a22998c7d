package io.shardline.jobs.versions;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.StreamPolling;
import io.shardline.jobs.flink.JobRunOptions;
import io.shardline.jobs.flink.StateOptions;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command-line options of every job that keeps a copy of a table (index, replication): snapshot,
 * versions, what a trimmed position does, running and state.
 */
public final class TableCopyOptions {
    /** What a job does when its stream no longer holds its position (it was down longer than the retention). */
    public enum OnTrimmedData {
        resnapshot,
        fail
    }

    @Option(
            names = "--no-snapshot",
            description = "Start from the stream alone (its oldest record), without "
                    + "first copying the table by a Scan, for a copy that already holds the table")
    public boolean noSnapshot;

    @Option(
            names = "--version-retention",
            converter = DurationConverter.class,
            description = "How long the job "
                    + "remembers each item's last version after its last change, to drop older writes; at least the "
                    + "snapshot's length (default: 25h)")
    public Duration versionRetention = Duration.ofHours(25);

    @Option(
            names = "--scan-segments",
            description = "Parallel Scan segments of the snapshot " + "(default: ${DEFAULT-VALUE})")
    public int scanSegments = 16;

    @Option(
            names = "--checkpoint-interval",
            converter = DurationConverter.class,
            description =
                    "Checkpoint "
                            + "interval; a checkpoint completes once the copy acknowledged every write before it (default: 10s)")
    public Duration checkpointInterval = Duration.ofSeconds(10);

    @Option(
            names = "--on-trimmed-data",
            description =
                    "When the stream no longer holds the job's position (the job "
                            + "was down longer than the stream's retention, or the stream was trimmed): ${COMPLETION-CANDIDATES}; "
                            + "resnapshot copies the table again and removes what it no longer holds (default: ${DEFAULT-VALUE})")
    public OnTrimmedData onTrimmedData = OnTrimmedData.resnapshot;

    @Mixin
    public StreamPolling polling = new StreamPolling();

    @Mixin
    public StateOptions state = new StateOptions();

    @Mixin
    public JobRunOptions run = new JobRunOptions();
}
