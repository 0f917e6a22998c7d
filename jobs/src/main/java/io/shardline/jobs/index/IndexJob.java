package io.shardline.jobs.index;

import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.ProgressTicker;
import io.shardline.jobs.tables.TableFacts;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;
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
        return CommandLineJob.run(options.copy.run.webPort, (env, rest, out) -> start(options, env, rest, out,
                Clock.systemUTC()));
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
        ProgressTicker ticker = new ProgressTicker("index-progress", options.copy.run.progressInterval, progress::tick, out);
        return new Running(job, plan, progress, ticker, admin);
    }

    /** A submitted index job and what watches it. */
    record Running(JobClient job, IndexPlan plan, IndexProgress progress, ProgressTicker ticker,
                   SearchIndexAdmin admin) implements CommandLineJob.Watched {
        void cancel() {
            job.cancel();
        }

        @Override
        public void close() throws Exception {
            ticker.close();
            admin.close();
        }
    }
}
