package io.shardline.jobs.flink;

import java.io.PrintStream;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a job command where it was started: with {@code java -jar}, on a Flink cluster of its own in
 * the process (web UI on the given port); submitted to a Flink cluster, there, reading progress from
 * that cluster's REST API. Returns when the job ends, and cancels it when the process is stopped.
 */
public final class CommandLineJob {
    /** Submits a job and starts watching it. */
    @FunctionalInterface
    public interface Submission {
        Watched submit(StreamExecutionEnvironment env, String restAddress, PrintStream out) throws Exception;
    }

    /** A submitted job and what watches it; closing stops the watching, not the job. */
    public interface Watched extends AutoCloseable {
        JobClient job();

        /** Called once the job finished; what it returns is the command's exit code. */
        default int finished() throws Exception {
            return 0;
        }
    }

    private CommandLineJob() {
    }

    /** Runs the job to its end; the exit code its watcher gives when it finished (0 unless it says otherwise). */
    public static int run(int webPort, Submission submission) throws Exception {
        StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment();
        if (context instanceof LocalStreamEnvironment) {
            Configuration flink = new Configuration();
            flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
            try (LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, webPort)) {
                System.out.println("Flink web UI: " + cluster.webUrl());
                return untilDone(submission.submit(cluster.environment(flink), cluster.webUrl(), System.out));
            }
        }
        ReadableConfig config = context.getConfiguration();
        String rest = "http://" + config.getOptional(RestOptions.ADDRESS).orElse("localhost") + ":"
                + config.get(RestOptions.PORT);
        return untilDone(submission.submit(context, rest, System.out));
    }

    private static int untilDone(Watched watched) throws Exception {
        try (watched) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> watched.job().cancel(), "cancel-job"));
            watched.job().getJobExecutionResult().get();
            return watched.finished();
        }
    }
}
