package io.shardline.engine.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition with a bound, polling, and fails naming what did not happen. */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {}

    public static void until(Duration bound, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + bound);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Reads a value every {@code every} until it satisfies {@code done} or {@code bound} has passed,
     * and returns the last one read, for assertions that show what was found when it never got there.
     */
    public static <T> T latest(Duration bound, Duration every, Supplier<T> read, Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(every.toMillis());
            value = read.get();
        }
        return value;
    }
}
