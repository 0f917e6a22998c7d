package io.shardline.jobs;

import io.shardline.jobs.archive.ArchiveJob;
import io.shardline.jobs.archive.RestoreCommand;
import io.shardline.jobs.demo.Demo;
import io.shardline.jobs.game.GameEventsCommand;
import io.shardline.jobs.game.GameMetricsJob;
import io.shardline.jobs.index.IndexJob;
import io.shardline.jobs.replication.ReplicateJob;
import io.shardline.jobs.sql.SqlCommand;
import io.shardline.jobs.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar shardline-jobs.jar [demo|game-metrics|generate|index|replicate|verify|archive|restore|sql] [options]}:
 * the demo when no command is given.
 */
@Command(name = "shardline-jobs", mixinStandardHelpOptions = true,
        subcommands = {Demo.class, GameMetricsJob.class, GameEventsCommand.class, IndexJob.class, ReplicateJob.class,
                VerifyCommand.class, ArchiveJob.class, RestoreCommand.class, SqlCommand.class},
        description = "Shardline's Flink jobs. Without a command, runs the demo.")
public final class JobsLauncher {
    private JobsLauncher() {
    }

    public static void main(String[] args) {
        String[] command = args.length == 0 || args[0].startsWith("-") && !args[0].equals("--help")
                && !args[0].equals("-h") && !args[0].equals("--version") && !args[0].equals("-V")
                ? prepend("demo", args) : args;
        System.exit(new CommandLine(new JobsLauncher()).execute(command));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
