package io.shardline.jobs;

import io.shardline.jobs.archive.ArchiveJob;
import io.shardline.jobs.archive.RestoreCommand;
import io.shardline.jobs.demo.Demo;
import io.shardline.jobs.flink.JobLog;
import io.shardline.jobs.game.GameEventsCommand;
import io.shardline.jobs.game.GameMetricsJob;
import io.shardline.jobs.index.IndexJob;
import io.shardline.jobs.replication.ReplicateJob;
import io.shardline.jobs.sql.SqlCommand;
import io.shardline.jobs.verify.VerifyCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar shardline-jobs.jar [demo|game-metrics|generate|index|replicate|verify|archive|restore|sql] [options]}:
 * the demo when no command is given.
 */
@Command(
        name = "shardline-jobs",
        mixinStandardHelpOptions = true,
        subcommands = {
            Demo.class,
            GameMetricsJob.class,
            GameEventsCommand.class,
            IndexJob.class,
            ReplicateJob.class,
            VerifyCommand.class,
            ArchiveJob.class,
            RestoreCommand.class,
            SqlCommand.class
        },
        description = "Shardline's Flink jobs. Without a command, runs the demo.")
public final class JobsLauncher {
    private JobsLauncher() {}

    public static void main(String[] args) {
        String[] command = args.length == 0
                        || args[0].startsWith("-")
                                && !args[0].equals("--help")
                                && !args[0].equals("-h")
                                && !args[0].equals("--version")
                                && !args[0].equals("-V")
                ? prepend("demo", args)
                : args;
        if (!command[0].startsWith("-") && !command[0].equals("demo")) {
            JobLog.forCommand(command[0]);
        }
        System.exit(new CommandLine(new JobsLauncher())
                .setExecutionExceptionHandler(JobsLauncher::failed)
                .execute(command));
    }

    /**
     * A command that failed says why in one line (its message and those of its causes); the stack
     * trace goes to the log, where whoever needs it looks.
     */
    private static int failed(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(JobsLauncher.class).error("{} failed", command.getCommandName(), failure);
        StringBuilder line = new StringBuilder(command.getCommandName()).append(" failed: ");
        String previous = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (previous == null || !previous.contains(message)) {
                line.append(previous == null ? "" : ": ").append(message);
            }
            previous = message;
        }
        command.getErr().println(line);
        return 1;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
