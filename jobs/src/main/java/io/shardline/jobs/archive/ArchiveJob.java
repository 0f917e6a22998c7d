package io.shardline.jobs.archive;

import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.PlanLine;
import io.shardline.jobs.flink.ProgressTicker;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.tables.TableFacts;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps the items Time to Live deletes: reads the table's stream, keeps the REMOVE records the
 * DynamoDB service made (and user deletes when asked) and writes each item's last image into archive
 * files, partitioned by table, date and hour, exactly once across failures and restarts.
 * {@code restore} brings them back.
 */
@Command(
        name = "archive",
        mixinStandardHelpOptions = true,
        description = "Archives the items Time to Live deletes from a table into files, exactly once.")
public final class ArchiveJob implements Callable<Integer>, CommandLineJob.Durable {
    @Mixin
    ArchiveOptions options = new ArchiveOptions();

    @Override
    public Integer call() throws Exception {
        return CommandLineJob.run(options.run.web, options.state, "archive", options.table, this);
    }

    @Override
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("--endpoint", options.connection.endpoint);
        identity.put("--table", options.table);
        identity.put("--to", options.to);
        identity.put("--format", options.format.name().toLowerCase(Locale.ROOT));
        identity.put("--include-user-deletes", Boolean.toString(options.includeUserDeletes));
        return identity;
    }

    @Override
    public CommandLineJob.Watched submit(
            StreamExecutionEnvironment env, String restAddress, PrintStream out, RunState run) throws Exception {
        return start(options, env, restAddress, out, run);
    }

    /**
     * Checks the table, submits the job, and starts watching it. A run that does not resume first
     * learns from the archive's committed files what it holds already ({@link ArchivedPositions}).
     */
    static Running start(
            ArchiveOptions options, StreamExecutionEnvironment env, String restAddress, PrintStream out, RunState run)
            throws Exception {
        String ttlAttribute;
        try (DynamoDbClient client = options.connection.settings().createTableClient()) {
            TableFacts.describe(client, options.table).requireOldImages("archiving the items it deletes");
            ttlAttribute = TableFacts.ttlAttribute(client, options.table);
        }
        if (ttlAttribute == null) {
            PlanLine.print(
                    out,
                    ArchiveJob.class,
                    "Time to Live is not enabled on table " + options.table + ": it deletes nothing until it is "
                            + "(UpdateTimeToLive)"
                            + (options.includeUserDeletes ? "; user deletes are archived meanwhile" : ""));
        }
        ArchivedPositions archived = run.resumed()
                ? ArchivedPositions.none()
                : ArchivedPositions.read(options.to, options.table, options.format, Instant.now());
        if (archived.shards() > 0) {
            PlanLine.print(
                    out,
                    ArchiveJob.class,
                    "The archive holds removals of " + archived.shards() + " shard(s) of " + options.table
                            + " already: reading the stream from its oldest record and passing over what it holds"
                            + (options.fromLatest
                                    ? " (instead of --from-latest, which would lose what was removed meanwhile)"
                                    : ""));
        }
        ArchivePipeline.build(env, options, archived);
        JobClient job = env.executeAsync("archive " + options.table + " to " + options.to);
        PlanLine.print(
                out,
                ArchiveJob.class,
                "Archiving the items "
                        + (options.includeUserDeletes ? "Time to Live or users delete" : "Time to Live deletes")
                        + " from table " + options.table + " into " + options.to + "/"
                        + ArchivePartitions.tableDirectory(options.table) + " as "
                        + options.format.name().toLowerCase(Locale.ROOT)
                        + "; files appear as checkpoints complete, every "
                        + options.checkpointInterval.toString().substring(2).toLowerCase(Locale.ROOT));
        ArchiveProgress progress =
                new ArchiveProgress(new JobMetrics(restAddress, job.getJobID().toHexString()), options.table, out);
        return new Running(
                job, new ProgressTicker("archive-progress", options.run.progressInterval, progress::tick, out));
    }

    /** A submitted archive job and what watches it. */
    record Running(JobClient job, ProgressTicker ticker) implements CommandLineJob.Watched {
        @Override
        public void close() throws InterruptedException {
            ticker.close();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ArchiveJob()).execute(args));
    }
}
