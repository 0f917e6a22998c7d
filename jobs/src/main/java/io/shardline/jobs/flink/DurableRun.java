package io.shardline.jobs.flink;

import io.shardline.connector.source.TrimmedStreamException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code java -jar} run of a durable job over the state directory it holds: refuses another
 * command's state, starts a local Flink cluster, resumes from the newest checkpoint or savepoint or
 * starts fresh, stops with a savepoint on Ctrl-C or SIGTERM, and starts over with a new snapshot when
 * the job's stream no longer holds its position (for jobs that copy a table).
 */
final class DurableRun {
    private static final Logger LOG = LoggerFactory.getLogger(DurableRun.class);
    private final StateDirectory states;
    private final CommandLineJob.Durable job;
    private final Duration stopTimeout;
    private final PrintStream out;

    DurableRun(StateDirectory states, CommandLineJob.Durable job, Duration stopTimeout, PrintStream out) {
        this.states = states;
        this.job = job;
        this.stopTimeout = stopTimeout;
        this.out = out;
    }

    /** Runs until the job ends or is stopped; the command's exit code. */
    int run(LocalWebOptions web, boolean fresh) throws Exception {
        out.println("State: " + states.path() + " (log: " + JobLog.file() + ")");
        if (fresh) {
            states.discard();
            PlanLine.print(out, DurableRun.class, "--fresh: discarded the state; starting over");
        }
        Optional<StoredRun> stored = states.storedRun();
        if (stored.isPresent()) {
            List<String> differences = stored.get().differences(job.identity());
            if (!differences.isEmpty()) {
                out.println("Refused: the state in " + states.path() + " belongs to another job: "
                        + String.join("; ", differences) + ". Start with --fresh to discard it, or give another "
                        + "--state-dir.");
                return CommandLineJob.REFUSED;
            }
        }
        Configuration flink = CommandLineJob.localConfiguration();
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, web, out)) {
            out.println("Flink web UI: " + cluster.webUrl());
            int snapshotsAgain = 0;
            while (true) {
                Configuration configuration = checkpointing(flink);
                RunState run = start(stored, configuration, snapshotsAgain);
                Ending ending = untilDone(job.submit(cluster.environment(configuration), cluster.webUrl(), out, run));
                if (ending.failure() == null) {
                    return ending.exitCode();
                }
                if (!TrimmedStreamException.causedBy(ending.failure()) || !job.snapshotsAgainWhenTrimmed()) {
                    throw ending.failure();
                }
                LOG.warn(
                        "The stream no longer holds the job's position; snapshotting the table again",
                        ending.failure());
                out.println("The stream no longer holds this job's position (" + gap(ending.failure())
                        + "): snapshotting the table again");
                snapshotsAgain++;
                stored = Optional.empty();
            }
        }
    }

    /** The job's configuration: checkpoints and savepoints in the state directory, checkpoints kept when it dies. */
    private Configuration checkpointing(Configuration flink) {
        Configuration configuration = new Configuration(flink);
        configuration.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                states.checkpoints().toUri().toString());
        configuration.set(
                CheckpointingOptions.SAVEPOINT_DIRECTORY,
                states.savepoints().toUri().toString());
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return configuration;
    }

    /**
     * Resumes from the newest checkpoint or savepoint of the stored run, setting {@code configuration}
     * to restore it, or starts fresh when there is none (or no stored run).
     */
    private RunState start(Optional<StoredRun> stored, Configuration configuration, int snapshotsAgain)
            throws Exception {
        Optional<RetainedCheckpoint> from = stored.isPresent() ? states.latest() : Optional.empty();
        if (from.isPresent()) {
            PlanLine.print(out, DurableRun.class, "Resuming from " + from.get().describe());
            states.discardAllBut(from.get());
            configuration.set(
                    StateRecoveryOptions.SAVEPOINT_PATH,
                    from.get().directory().toUri().toString());
            return RunState.resumed(states, stored.get(), snapshotsAgain);
        }
        if (stored.isPresent()) {
            PlanLine.print(
                    out, DurableRun.class, "No checkpoint was completed in " + states.path() + ": starting over");
        }
        states.discard();
        return RunState.fresh(states, job.identity(), snapshotsAgain);
    }

    /** How a run ended: its exit code, or the failure that ended it. */
    private record Ending(int exitCode, Exception failure) {}

    private Ending untilDone(CommandLineJob.Watched watched) throws Exception {
        try (watched) {
            GracefulStop stop = GracefulStop.onSignals(watched.job(), states.savepoints(), stopTimeout, out);
            try {
                watched.job().getJobExecutionResult().get();
            } catch (ExecutionException e) {
                return stop.requested() ? new Ending(0, null) : new Ending(1, e);
            }
            return new Ending(stop.requested() ? 0 : watched.finished(), null);
        }
    }

    /** What the source said of the gap, without its advice on source options, which the job's own option replaces. */
    private static String gap(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (TrimmedStreamException.causedBy(cause) && cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        int advice = message.indexOf("; set ");
        return advice < 0 ? message : message.substring(0, advice);
    }
}
