package io.shardline.jobs.archive;

import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.ProgressTicker;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.tables.TableFacts;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Brings archived items back into a table: the latest archived copy of each item in the chosen
 * hours (and filter), put only where the table holds no item with its key, so items written again
 * since they expired are left as they are. Prints how many were restored, skipped and failed; exits
 * 1 when any failed.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Puts archived items back into a table, leaving items that exist again untouched.")
public final class RestoreCommand implements Callable<Integer> {
    private static final Duration COUNTS_WAIT = Duration.ofSeconds(30);

    @Mixin
    RestoreOptions options = new RestoreOptions();

    @Override
    public Integer call() throws Exception {
        return CommandLineJob.run(
                options.run.web, (env, rest, out) -> start(options, env, rest, out, Clock.systemUTC()));
    }

    /** Finds the archive's files, checks the target table, and submits the restore. */
    static Running start(
            RestoreOptions options, StreamExecutionEnvironment env, String restAddress, PrintStream out, Clock clock)
            throws Exception {
        List<Path> hours = ArchivedHours.of(options.from, options.table, options.start, options.end);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("The archive " + options.from + " holds no hour of table "
                    + options.table
                    + (options.start == null && options.end == null
                            ? ""
                            : " from " + (options.start == null ? "the oldest" : options.start) + " to "
                                    + (options.end == null ? "the newest" : options.end)));
        }
        TableFacts target;
        String ttlAttribute;
        try (DynamoDbClient client = options.connection.settings().createTableClient()) {
            target = TableFacts.describe(client, options.target());
            ttlAttribute = TableFacts.ttlAttribute(client, options.target());
        }
        if (options.ttlAfterRestore != null && ttlAttribute == null) {
            throw new IllegalArgumentException("--ttl-after-restore " + options.ttlAfterRestore + " needs Time to Live "
                    + "on table " + options.target() + ", which has it disabled");
        }
        long expiresAt = options.ttlAfterRestore == null
                ? 0
                : clock.instant().plus(options.ttlAfterRestore).getEpochSecond();
        ItemSelection selection = new ItemSelection(
                target.keyAttributes(), options.filter, null, options.expressionNames, options.expressionValues, null);
        RestorePipeline.build(env, options, hours, new ItemsToRestore(selection, ttlAttribute, expiresAt));
        out.println("Restoring the archived items of table " + options.table + " from " + hours.size()
                + " hour(s) of " + options.from + " into table " + options.target()
                + (ttlAttribute == null
                        ? ""
                        : expiresAt == 0
                                ? ", without their " + ttlAttribute
                                : ", " + ttlAttribute + " set to " + expiresAt));
        JobClient job = env.executeAsync("restore " + options.table + " into " + options.target());
        RestoreProgress progress =
                new RestoreProgress(new JobMetrics(restAddress, job.getJobID().toHexString()), options.target(), out);
        return new Running(
                job,
                options,
                out,
                new ProgressTicker("restore-progress", options.run.progressInterval, progress::tick, out));
    }

    /** A submitted restore; once it finished, prints what it did. */
    record Running(JobClient job, RestoreOptions options, PrintStream out, ProgressTicker ticker)
            implements CommandLineJob.Watched {
        @Override
        public int finished() throws InterruptedException {
            RestoreCounts counts = RestoreCounts.of(job.getJobID().toHexString(), COUNTS_WAIT);
            out.println(counts.summary(options.target()));
            return counts.failed() > 0 ? 1 : 0;
        }

        @Override
        public void close() throws InterruptedException {
            ticker.close();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RestoreCommand()).execute(args));
    }
}
