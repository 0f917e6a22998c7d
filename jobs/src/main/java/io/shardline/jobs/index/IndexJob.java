package io.shardline.jobs.index;

import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.LocalFlinkCluster;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps an OpenSearch index equal to a table: a snapshot by parallel Scan, then the table's stream
 * from a position taken before the Scan, with per-item external versions so nothing goes backwards.
 * Run with {@code java -jar}, it starts its own Flink cluster in the process (web UI on
 * {@code --web-port}); submitted to a Flink cluster, it runs there and reads progress from the
 * cluster's REST API.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Keeps an OpenSearch index equal to a table: snapshot, then the change stream.")
public final class IndexJob implements Callable<Integer> {
    @Mixin
    IndexOptions options = new IndexOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment();
        if (context instanceof LocalStreamEnvironment) {
            Configuration flink = new Configuration();
            flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
            try (LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, options.webPort)) {
                System.out.println("Flink web UI: " + cluster.webUrl());
                return run(cluster.environment(flink), cluster.webUrl(), System.out);
            }
        }
        ReadableConfig config = context.getConfiguration();
        String rest = "http://" + config.getOptional(RestOptions.ADDRESS).orElse("localhost") + ":"
                + config.get(RestOptions.PORT);
        return run(context, rest, System.out);
    }

    private int run(StreamExecutionEnvironment env, String restAddress, PrintStream out) throws Exception {
        try (Running running = start(options, env, restAddress, out, Clock.systemUTC())) {
            Runtime.getRuntime().addShutdownHook(new Thread(running::cancel, "cancel-index-job"));
            running.job().getJobExecutionResult().get();
            return 0;
        }
    }

    /** Plans and submits the job, and starts watching it; closing stops the watching, not the job. */
    static Running start(IndexOptions options, StreamExecutionEnvironment env, String restAddress, PrintStream out,
                         Clock clock) throws Exception {
        TableFacts table;
        try (DynamoDbClient client = options.connection.settings().createTableClient()) {
            table = TableFacts.describe(client, options.table);
        }
        SearchIndexAdmin admin = new SearchIndexAdmin(options.search.connection());
        IndexPlan plan;
        JobClient job;
        try {
            plan = IndexPlan.prepare(options, table, admin, clock);
            IndexPipeline.build(env, options, plan);
            job = env.executeAsync("index " + options.table + " into " + plan.index());
        } catch (Exception | Error e) {
            admin.close();
            throw e;
        }
        out.println("Indexing table " + options.table + " into " + plan.index() + (plan.snapshot()
                ? ", snapshot first, then the stream from " + Instant.ofEpochSecond(plan.handoffSeconds())
                : ", from the stream alone"));
        IndexProgress progress = new IndexProgress(new JobMetrics(restAddress, job.getJobID().toHexString()), plan,
                admin, options.caughtUpLag.toMillis(), out, clock);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = options.progressInterval.toMillis();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                progress.tick();
            } catch (RuntimeException e) {
                out.println("progress: " + e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new Running(job, plan, progress, ticker, admin);
    }

    /** A submitted index job and what watches it. */
    record Running(JobClient job, IndexPlan plan, IndexProgress progress, ScheduledExecutorService ticker,
                   SearchIndexAdmin admin) implements AutoCloseable {
        void cancel() {
            job.cancel();
        }

        @Override
        public void close() throws Exception {
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            admin.close();
        }
    }
}
