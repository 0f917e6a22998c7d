package io.shardline.jobs.flink;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls a job's progress report at a fixed interval on a daemon thread, printing what goes wrong instead of stopping. */
public final class ProgressTicker implements AutoCloseable {
    private final ScheduledExecutorService ticker;

    public ProgressTicker(String name, Duration interval, Runnable tick, PrintStream out) {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        tick.run();
                    } catch (RuntimeException e) {
                        out.println("progress: " + e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
