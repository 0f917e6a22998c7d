package io.shardline.jobs.index;

import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.PlanLine;
import io.shardline.jobs.flink.ProgressTicker;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.tables.TableFacts;
import io.shardline.jobs.versions.SnapshotCleanup;
import io.shardline.jobs.versions.TableCopyOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps an OpenSearch index equal to a table: a snapshot by parallel Scan, then the table's stream
 * from a position taken before the Scan, with per-item external versions so nothing goes backwards.
 * Run with {@code java -jar}, it starts its own Flink cluster in the process and keeps its state in
 * a state directory, resuming from it when started again; submitted to a Flink cluster, it runs
 * there and reads progress from the cluster's REST API.
 */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        description = "Keeps an OpenSearch index equal to a table: snapshot, then the change stream.")
public final class IndexJob implements Callable<Integer>, CommandLineJob.Durable {
    @Mixin
    IndexOptions options = new IndexOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return CommandLineJob.run(options.copy.run.web, options.copy.state, "index", options.table, this);
    }

    @Override
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("--endpoint", options.connection.endpoint);
        identity.put("--table", options.table);
        identity.put("--opensearch", String.join(",", options.search.urls));
        identity.put("--index", options.index);
        identity.put("--rebuild", Boolean.toString(options.rebuild));
        identity.put("--metadata-field", options.metadataField);
        identity.put("--typed-field", options.typedField);
        identity.put("--on-ttl-delete", options.onTtlDelete.name());
        identity.put("--unindexed-attributes", String.join(",", options.unindexedAttributes));
        return identity;
    }

    @Override
    public boolean snapshotsAgainWhenTrimmed() {
        return options.copy.onTrimmedData == TableCopyOptions.OnTrimmedData.resnapshot;
    }

    @Override
    public CommandLineJob.Watched submit(
            StreamExecutionEnvironment env, String restAddress, PrintStream out, RunState run) throws Exception {
        return start(options, env, restAddress, out, Clock.systemUTC(), run);
    }

    /** Plans and submits the job, and starts watching it; closing stops the watching, not the job. */
    static Running start(
            IndexOptions options,
            StreamExecutionEnvironment env,
            String restAddress,
            PrintStream out,
            Clock clock,
            RunState run)
            throws Exception {
        TableFacts table;
        try (DynamoDbClient client = options.connection.settings().createTableClient()) {
            table = TableFacts.describe(client, options.table);
        }
        SearchIndexAdmin admin = new SearchIndexAdmin(options.search.connection());
        IndexPlan plan;
        JobClient job;
        try {
            plan = IndexPlan.prepare(options, table, admin, clock, run);
            IndexPipeline.build(env, options, plan);
            job = env.executeAsync("index " + options.table + " into " + plan.index());
        } catch (Exception | Error e) {
            admin.close();
            throw e;
        }
        PlanLine.print(
                out,
                IndexJob.class,
                (run.resumed() ? "Resumed indexing table " : "Indexing table ")
                        + options.table + " into " + plan.index()
                        + (plan.handoff().snapshot()
                                ? ", snapshot first, then the " + "stream from "
                                        + plan.handoff().time()
                                : ", from the stream alone"));
        SnapshotCleanup cleanup = SnapshotCleanup.of(
                run, List.of(new StaleDocuments(admin, plan.index(), options.metadataField)), plan.handoff(), out);
        IndexProgress progress = new IndexProgress(
                new JobMetrics(restAddress, job.getJobID().toHexString()),
                plan,
                admin,
                options.caughtUpLag.toMillis(),
                out,
                clock,
                run,
                cleanup);
        ProgressTicker ticker =
                new ProgressTicker("index-progress", options.copy.run.progressInterval, progress::tick, out);
        return new Running(job, plan, progress, ticker, admin);
    }

    /** A submitted index job and what watches it. */
    record Running(JobClient job, IndexPlan plan, IndexProgress progress, ProgressTicker ticker, SearchIndexAdmin admin)
            implements CommandLineJob.Watched {
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
