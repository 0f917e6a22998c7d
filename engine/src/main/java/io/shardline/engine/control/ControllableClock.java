package io.shardline.engine.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus an offset that only grows: an in-memory engine given this clock can be moved
 * forward over the wire, so Time to Live and stream retention are rehearsed in seconds.
 */
public final class ControllableClock extends Clock {
    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves the clock forward by {@code by} (not negative); returns the new time. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward, not by " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
        return instant();
    }

    /** How far ahead of the system clock this clock is. */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The engine's clock is UTC");
    }
}
