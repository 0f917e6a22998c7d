package io.shardline.jobs.flink;

import io.shardline.jobs.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Command-line options of where a {@code java -jar} job keeps what outlives its process, and how it stops. */
public final class StateOptions {
    @Option(
            names = "--state-dir",
            description =
                    "Directory of the job's checkpoints, savepoints and log; started "
                            + "again with the same command, the job resumes from it (default: ./shardline-state/<command>-<table>)")
    public Path stateDir;

    @Option(names = "--fresh", description = "Discard the job's state and start over, as on a first start")
    public boolean fresh;

    @Option(
            names = "--stop-timeout",
            converter = DurationConverter.class,
            description = "On Ctrl-C or SIGTERM, how "
                    + "long to wait for the savepoint the job stops with before cancelling it (default: 60s)")
    public Duration stopTimeout = Duration.ofSeconds(60);

    @Option(names = "--log-file", description = "The job's log (default: <command>.log in the state directory)")
    public Path logFile;
}
