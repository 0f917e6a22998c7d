package io.shardline.jobs.flink;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a job command where it was started: with {@code java -jar}, on a Flink cluster of its own in
 * the process (web UI on loopback); submitted to a Flink cluster, there, reading progress from that
 * cluster's REST API. Returns when the job ends.
 *
 * <p>A {@link Durable} job run with {@code java -jar} outlives its process: its checkpoints are kept
 * in a state directory, it resumes from the newest one when started again with the same command,
 * and Ctrl-C or SIGTERM stop it with a savepoint there ({@link GracefulStop}). A job that copies a
 * table starts over with a new snapshot when its stream no longer holds its position.
 */
public final class CommandLineJob {
    /** The exit code of a command refused before it started. */
    public static final int REFUSED = 2;

    /** Submits a job and starts watching it. */
    @FunctionalInterface
    public interface Submission {
        Watched submit(StreamExecutionEnvironment env, String restAddress, PrintStream out) throws Exception;
    }

    /** A job whose state outlives its process. */
    public interface Durable {
        /**
         * The settings that decide what the job's state holds, by option name; a run with other values
         * is refused unless started {@code --fresh}. A value not given is empty, not null.
         */
        Map<String, String> identity();

        /** Plans, submits and starts watching the job, resuming as {@code run} says. */
        Watched submit(StreamExecutionEnvironment env, String restAddress, PrintStream out, RunState run)
                throws Exception;

        /** Whether, when the stream no longer holds the job's position, the job starts over with a new snapshot. */
        default boolean snapshotsAgainWhenTrimmed() {
            return false;
        }
    }

    /** A submitted job and what watches it; closing stops the watching, not the job. */
    public interface Watched extends AutoCloseable {
        JobClient job();

        /** Called once the job finished; what it returns is the command's exit code. */
        default int finished() throws Exception {
            return 0;
        }
    }

    private CommandLineJob() {}

    /** Runs a job without state of its own to its end; the exit code its watcher gives when it finished. */
    public static int run(LocalWebOptions web, Submission submission) throws Exception {
        StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!(context instanceof LocalStreamEnvironment)) {
            return onCluster(context, submission);
        }
        Configuration flink = localConfiguration();
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, web, System.out)) {
            System.out.println("Flink web UI: " + cluster.webUrl());
            Watched watched = submission.submit(cluster.environment(flink), cluster.webUrl(), System.out);
            try (watched) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> watched.job().cancel(), "cancel-job"));
                watched.job().getJobExecutionResult().get();
                return watched.finished();
            }
        }
    }

    /**
     * Runs a durable job until it ends or is stopped: resuming from its state directory when it holds
     * a checkpoint of the same command, refusing another command's state unless {@code --fresh}.
     *
     * @param command the command's name, which names its default state directory and log
     * @param subject what the job reads (a table's name): the rest of its default state directory's name
     */
    public static int run(LocalWebOptions web, StateOptions state, String command, String subject, Durable job)
            throws Exception {
        PrintStream out = System.out;
        Path directory = StateDirectory.resolve(state.stateDir, command, subject);
        StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!(context instanceof LocalStreamEnvironment)) {
            boolean restored = context.getConfiguration()
                    .getOptional(StateRecoveryOptions.SAVEPOINT_PATH)
                    .isPresent();
            return onCluster(
                    context, (env, rest, console) -> job.submit(env, rest, console, RunState.inMemory(restored)));
        }
        JobLog.appendTo(state.logFile != null ? state.logFile.toAbsolutePath() : directory.resolve(command + ".log"));
        StateDirectory taken;
        try {
            taken = StateDirectory.take(directory);
        } catch (IllegalStateException held) {
            out.println("Refused: " + held.getMessage());
            return REFUSED;
        }
        try (StateDirectory states = taken) {
            return new DurableRun(states, job, state.stopTimeout, out).run(web, state.fresh);
        }
    }

    static Configuration localConfiguration() {
        Configuration flink = new Configuration();
        flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
        return flink;
    }

    private static int onCluster(StreamExecutionEnvironment context, Submission submission) throws Exception {
        ReadableConfig config = context.getConfiguration();
        String rest = "http://" + config.getOptional(RestOptions.ADDRESS).orElse("localhost") + ":"
                + config.get(RestOptions.PORT);
        try (Watched watched = submission.submit(context, rest, System.out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> watched.job().cancel(), "cancel-job"));
            watched.job().getJobExecutionResult().get();
            return watched.finished();
        }
    }
}
