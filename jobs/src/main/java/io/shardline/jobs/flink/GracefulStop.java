package io.shardline.jobs.flink;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import sun.misc.Signal;

/**
 * Stops a {@code java -jar} job the way a service is stopped: on Ctrl-C or SIGTERM it stops the job
 * with a savepoint into the state directory, so the same command resumes exactly there; when no
 * savepoint is done within the bound, it cancels the job (its latest checkpoint stays to resume
 * from), saying so on the console, and ends the process if even that does not end the job within
 * 30 s. A second signal cancels at once, a third ends the process.
 */
final class GracefulStop {
    private static final List<String> SIGNALS = List.of("INT", "TERM");
    private static final Duration CANCEL_BOUND = Duration.ofSeconds(30);
    private final JobClient job;
    private final Path savepoints;
    private final Duration bound;
    private final PrintStream out;
    private final AtomicInteger signals = new AtomicInteger();

    private GracefulStop(JobClient job, Path savepoints, Duration bound, PrintStream out) {
        this.job = job;
        this.savepoints = savepoints;
        this.bound = bound;
        this.out = out;
    }

    /** Handles Ctrl-C and SIGTERM for {@code job} from now on, instead of the JVM's immediate shutdown. */
    static GracefulStop onSignals(JobClient job, Path savepoints, Duration bound, PrintStream out) {
        GracefulStop stop = new GracefulStop(job, savepoints, bound, out);
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), signal -> stop.signalled(signal.getName()));
        }
        return stop;
    }

    /** Whether a signal asked the job to stop. */
    boolean requested() {
        return signals.get() > 0;
    }

    private void signalled(String signal) {
        int count = signals.incrementAndGet();
        if (count == 1) {
            Thread stopping = new Thread(this::stopWithSavepoint, "stop-with-savepoint");
            stopping.setDaemon(true);
            stopping.start();
        } else if (count == 2) {
            out.println("SIG" + signal + " again: cancelling the job at once; the next start resumes from its latest "
                    + "checkpoint");
            job.cancel();
        } else {
            Runtime.getRuntime().halt(130);
        }
    }

    private void stopWithSavepoint() {
        out.println("Stopping with a savepoint into " + savepoints + " (waiting up to " + bound.toSeconds() + " s; "
                + "Ctrl-C again cancels at once)");
        try {
            String savepoint = job.stopWithSavepoint(
                            false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
            out.println("Stopped with savepoint " + savepoint + "; the same command resumes from it");
        } catch (Exception e) {
            if (signals.get() > 1) {
                return;
            }
            out.println("No savepoint within " + bound.toSeconds() + " s (" + rootMessage(e) + "): cancelling the "
                    + "job; the next start resumes from its latest checkpoint");
            cancelOrHalt();
        }
    }

    /**
     * Cancels the job and waits a bounded time for it to end; a job that does not end (its tasks stuck)
     * ends with the process: its latest checkpoint stays to resume from.
     */
    private void cancelOrHalt() {
        try {
            job.cancel().get(CANCEL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            job.getJobExecutionResult()
                    .handle((result, failure) -> null)
                    .get(CANCEL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            out.println("The job did not end within " + CANCEL_BOUND.toSeconds() + " s of being cancelled ("
                    + rootMessage(e) + "): ending the process");
            out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
