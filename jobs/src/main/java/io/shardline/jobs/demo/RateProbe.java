package io.shardline.jobs.demo;

import io.shardline.jobs.game.GameEventWriter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Finds the largest event rate the demo's job keeps up with, then holds it: each rate of a
 * {@link RateSearch} is written for one step, and the job kept up when the generator wrote at least
 * 95% of the rate and the job's source was at most {@code maxLag} worth of events behind at the end
 * of the step. The best rate is then held, and sustained when every second of the hold stays within
 * that lag and the hold writes at least 95% of the rate; a rate not sustained is held again 10%
 * lower, up to three holds in all.
 */
final class RateProbe {
    private static final int HOLDS = 3;
    private final PrintStream out;
    private final GameEventWriter writer;
    private final LongSupplier read;
    private final Duration step;
    private final Duration hold;
    private final Duration maxLag;

    /** @param read records the job's source has emitted so far, or -1 while unknown */
    RateProbe(
            PrintStream out, GameEventWriter writer, LongSupplier read, Duration step, Duration hold, Duration maxLag) {
        this.out = out;
        this.writer = writer;
        this.read = read;
        this.step = step;
        this.hold = hold;
        this.maxLag = maxLag;
    }

    /** Whether a step kept up: enough written, and a known lag within the bound. */
    static boolean keptUp(int rate, double writtenPerSecond, long behind, Duration maxLag) {
        return writtenPerSecond >= 0.95 * rate && behind >= 0 && behind <= rate * maxLag.toMillis() / 1000;
    }

    /** Runs the search and the hold; returns whether the best rate was sustained for the whole hold. */
    boolean run(int start) throws InterruptedException {
        awaitReading();
        RateSearch search = new RateSearch(start, 3);
        while (search.rate() > 0) {
            int rate = search.rate();
            writer.rate(rate);
            long writtenBefore = writer.written();
            Thread.sleep(step.toMillis());
            double writtenPerSecond = (writer.written() - writtenBefore) * 1000.0 / step.toMillis();
            long behind = behind();
            boolean kept = keptUp(rate, writtenPerSecond, behind, maxLag);
            out.printf(
                    "probe: %d events/s for %d s: written %.0f/s, %d events behind: %s%n",
                    rate, step.toSeconds(), writtenPerSecond, behind, kept ? "kept up" : "fell behind");
            search.record(kept);
        }
        int rate = search.best();
        if (rate == 0) {
            out.println("probe: the job kept up with no rate tried");
            return false;
        }
        for (int attempt = 1; attempt <= HOLDS; attempt++) {
            if (hold(rate)) {
                return true;
            }
            int lower = rate * 9 / 10 / 100 * 100;
            if (lower < 100) {
                return false;
            }
            rate = lower;
        }
        return false;
    }

    /** Holds a rate; returns whether every second of the hold kept up. */
    private boolean hold(int rate) throws InterruptedException {
        writer.rate(rate);
        long writtenBefore = writer.written();
        long worst = 0;
        long seconds = hold.toSeconds();
        for (long second = 0; second < seconds; second++) {
            Thread.sleep(1000);
            long behind = behind();
            worst = behind < 0 ? Long.MAX_VALUE : Math.max(worst, behind);
        }
        double writtenPerSecond = (writer.written() - writtenBefore) / (double) seconds;
        boolean sustained = keptUp(rate, writtenPerSecond, worst, maxLag);
        out.printf(
                "probe: %s %d events/s for %d s: written %.0f/s on average, at most %s events behind (bound %d)%n",
                sustained ? "sustained" : "did not sustain",
                rate,
                seconds,
                writtenPerSecond,
                worst == Long.MAX_VALUE ? "unknown" : Long.toString(worst),
                rate * maxLag.toMillis() / 1000);
        return sustained;
    }

    private long behind() {
        long records = read.getAsLong();
        return records < 0 ? -1 : Math.max(0, writer.written() - records);
    }

    /** Waits (up to a minute) until the job has read a first event, so its start is not measured as lag. */
    private void awaitReading() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (read.getAsLong() <= 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job read no event within a minute of starting");
            }
            Thread.sleep(100);
        }
    }
}
