package io.shardline.engine.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, polling, and fails naming what did not happen. */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    public static void until(Duration bound, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + bound);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
