package io.shardline.jobs.replication;

import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.PlanLine;
import io.shardline.jobs.flink.ProgressTicker;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.tables.TableFacts;
import io.shardline.jobs.versions.SnapshotCleanup;
import io.shardline.jobs.versions.TableCopyOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps copies of a table in other tables (same engine, another engine, Amazon DynamoDB): a
 * snapshot by parallel Scan, then the table's stream from a position taken before the Scan, read
 * once and written to every target with per-item versions, so replays, retries and restarts
 * converge and never move an item back. Run with {@code java -jar}, it keeps its state in a state
 * directory and resumes from it when started again.
 */
@Command(
        name = "replicate",
        mixinStandardHelpOptions = true,
        description = "Keeps copies of a table in other tables: snapshot, then the change stream, to each target.")
public final class ReplicateJob implements Callable<Integer>, CommandLineJob.Durable {
    @Mixin
    ReplicationOptions options = new ReplicationOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplicateJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return CommandLineJob.run(options.copy.run.web, options.copy.state, "replicate", options.table, this);
    }

    @Override
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("--endpoint", options.connection.endpoint);
        identity.put("--table", options.table);
        identity.put(
                "--target",
                options.targets.stream()
                        .map(text -> ReplicationTarget.parse(text, options.connection)
                                .name())
                        .collect(Collectors.joining(", ")));
        identity.put("--events", String.join(",", options.events));
        identity.put("--filter", nonNull(options.filter));
        identity.put("--projection", nonNull(options.projection));
        identity.put("--expression-names", new TreeMap<>(options.expressionNames).toString());
        identity.put("--expression-values", nonNull(options.expressionValues));
        identity.put("--transform", nonNull(options.transform));
        identity.put("--on-ttl-delete", options.onTtlDelete.name());
        identity.put("--version-attribute", options.versionAttribute);
        return identity;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
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

    /** Plans (checking and creating targets) and submits the job, and starts watching it. */
    static Running start(
            ReplicationOptions options,
            StreamExecutionEnvironment env,
            String restAddress,
            PrintStream out,
            Clock clock,
            RunState run)
            throws Exception {
        TableFacts source;
        try (DynamoDbClient client = options.connection.settings().createTableClient()) {
            source = TableFacts.describe(client, options.table);
        }
        ReplicationPlan plan = ReplicationPlan.prepare(options, source, run);
        for (ReplicationTarget created : plan.created()) {
            PlanLine.print(
                    out, ReplicateJob.class, "Created target table " + created.name() + " like " + options.table);
        }
        ReplicationPipeline.build(env, options, plan);
        String targets = plan.targets().stream().map(ReplicationTarget::name).collect(Collectors.joining(", "));
        JobClient job = env.executeAsync("replicate " + options.table + " to " + targets);
        PlanLine.print(
                out,
                ReplicateJob.class,
                (run.resumed() ? "Resumed replicating table " : "Replicating table ")
                        + options.table + " to " + targets
                        + (plan.handoff().snapshot()
                                ? ", snapshot first, then the stream " + "from "
                                        + plan.handoff().time()
                                : ", from the stream alone")
                        + (options.filter == null ? "" : ", items where " + options.filter)
                        + (options.projection == null ? "" : ", attributes " + options.projection));
        List<SnapshotCleanup.Copy> copies = plan.targets().stream()
                .<SnapshotCleanup.Copy>map(
                        target -> new StaleItems(target, source.keyAttributes(), options.versionAttribute))
                .toList();
        ReplicationProgress progress = new ReplicationProgress(
                new JobMetrics(restAddress, job.getJobID().toHexString()),
                plan,
                out,
                clock,
                run,
                SnapshotCleanup.of(run, copies, plan.handoff(), out));
        return new Running(
                job,
                plan,
                new ProgressTicker("replication-progress", options.copy.run.progressInterval, progress::tick, out));
    }

    /** A submitted replication job and what watches it. */
    record Running(JobClient job, ReplicationPlan plan, ProgressTicker ticker) implements CommandLineJob.Watched {
        @Override
        public void close() throws InterruptedException {
            ticker.close();
        }
    }
}
