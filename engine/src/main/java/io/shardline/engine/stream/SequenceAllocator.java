package io.shardline.engine.stream;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Hands out a table's stream sequence numbers: strictly increasing across every shard and restart,
 * 19 decimal digits, within a signed 64-bit integer. Numbers are reserved durably in blocks, so a
 * restart continues above any number handed out before. Each number carries a creation time that
 * never decreases with the number.
 *
 * <p>Records become visible to readers only up to {@link #visibleThrough()}: the highest number below
 * which no write is still committing. A reader that has passed a number therefore never misses a
 * record committed later with a smaller one.
 */
public final class SequenceAllocator {
    /** The first sequence number of every table: makes every number exactly 19 digits. */
    public static final long FIRST = 1_000_000_000_000_000_000L;
    private static final long BLOCK = 100_000;

    private final Store store;
    private final byte[] reservationKey;
    private final Clock clock;
    private final ConcurrentSkipListSet<Long> committing = new ConcurrentSkipListSet<>();
    private long reserved;
    private long lastMillis;
    private volatile long last;

    public SequenceAllocator(Store store, long tableId, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.reservationKey = ("sequence/stream/" + tableId).getBytes(StandardCharsets.UTF_8);
        long persisted = store.counter(Family.META, reservationKey);
        this.reserved = Math.max(persisted, FIRST);
        this.last = reserved;
    }

    /** A number and its creation time, assigned to one change record. */
    public record Sequence(long number, long createdAtMillis) {
    }

    /** Takes the next number; the caller must {@link #release} it once its commit ended, either way. */
    public synchronized Sequence next() {
        long number = last + 1;
        if (number > reserved) {
            reserved += BLOCK;
            try (Batch batch = store.batch()) {
                batch.setCounter(Family.META, reservationKey, reserved);
                store.commit(batch);
            }
        }
        lastMillis = Math.max(lastMillis, clock.millis());
        committing.add(number);
        last = number;
        return new Sequence(number, lastMillis);
    }

    /** Marks a number's commit as ended (done or failed). */
    public void release(long number) {
        committing.remove(number);
    }

    /** Takes a number that no record will carry, to mark where a new shard starts. */
    public long reserveMarker() {
        long number = next().number();
        release(number);
        return number;
    }

    /** Every record with a number up to this one is committed or will never be. */
    public long visibleThrough() {
        long highest = last;
        Long oldestCommitting = committing.ceiling(Long.MIN_VALUE);
        return oldestCommitting == null ? highest : Math.min(highest, oldestCommitting - 1);
    }

    /** The highest number handed out. */
    public long last() {
        return last;
    }

    public static String format(long number) {
        return Long.toString(number);
    }
}
