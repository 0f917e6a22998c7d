package io.shardline.jobs.replication;

import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.ProgressTicker;
import io.shardline.jobs.tables.TableFacts;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
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
 * converge and never move an item back.
 */
@Command(name = "replicate", mixinStandardHelpOptions = true,
        description = "Keeps copies of a table in other tables: snapshot, then the change stream, to each target.")
public final class ReplicateJob implements Callable<Integer> {
    @Mixin
    ReplicationOptions options = new ReplicationOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplicateJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return CommandLineJob.run(options.copy.run.webPort, (env, rest, out) -> start(options, env, rest, out,
                Clock.systemUTC()));
    }

    /** Plans (checking and creating targets) and submits the job, and starts watching it. */
    static Running start(ReplicationOptions options, StreamExecutionEnvironment env, String restAddress,
                         PrintStream out, Clock clock) throws Exception {
        TableFacts source;
        try (DynamoDbClient client = options.connection.settings().createTableClient()) {
            source = TableFacts.describe(client, options.table);
        }
        ReplicationPlan plan = ReplicationPlan.prepare(options, source);
        for (ReplicationTarget created : plan.created()) {
            out.println("Created target table " + created.name() + " like " + options.table);
        }
        ReplicationPipeline.build(env, options, plan);
        String targets = plan.targets().stream().map(ReplicationTarget::name).collect(Collectors.joining(", "));
        JobClient job = env.executeAsync("replicate " + options.table + " to " + targets);
        out.println("Replicating table " + options.table + " to " + targets + (plan.snapshot()
                ? ", snapshot first, then the stream from " + Instant.ofEpochSecond(plan.handoffSeconds())
                : ", from the stream alone"));
        ReplicationProgress progress = new ReplicationProgress(new JobMetrics(restAddress,
                job.getJobID().toHexString()), plan, out, clock);
        return new Running(job, plan, new ProgressTicker("replication-progress", options.copy.run.progressInterval,
                progress::tick, out));
    }

    /** A submitted replication job and what watches it. */
    record Running(JobClient job, ReplicationPlan plan, ProgressTicker ticker) implements CommandLineJob.Watched {
        @Override
        public void close() throws InterruptedException {
            ticker.close();
        }
    }
}
