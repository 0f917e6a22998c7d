package io.shardline.jobs.flink;

import io.shardline.jobs.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Command-line options of how every long-running job command runs: parallelism, progress lines, web UI. */
public final class JobRunOptions {
    @Option(names = "--parallelism", description = "Job parallelism (default: ${DEFAULT-VALUE})")
    public int parallelism = 2;

    @Option(
            names = "--progress-interval",
            converter = DurationConverter.class,
            description = "How often a " + "progress line is printed (default: 5s)")
    public Duration progressInterval = Duration.ofSeconds(5);

    @Mixin
    public LocalWebOptions web = new LocalWebOptions();
}
