package io.shardline.engine.changelog;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.Store;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

/**
 * Hands out a table's stream sequence numbers: strictly increasing across every shard and restart.
 * Inside the engine a number is a {@code long}; on the wire ({@link #format}) it is a 21-digit
 * decimal string above any {@code long}, within the 21 to 40 characters DynamoDB Streams' service
 * model allows. Numbers are reserved durably in blocks, so a restart continues above any number
 * handed out before. Each number carries a creation time that never decreases with the number.
 *
 * <p>Records become visible to readers only up to {@link #visibleThrough()}: the highest number below
 * which no write is still committing. A reader that has passed a number therefore never misses a
 * record committed later with a smaller one.
 */
public final class SequenceAllocator {
    /** The first sequence number of every table: makes every internal number exactly 19 digits. */
    public static final long FIRST = 1_000_000_000_000_000_000L;

    private static final long BLOCK = 100_000;
    private static final int WIRE_DIGITS = 21;
    private static final BigInteger WIRE_OFFSET = BigInteger.TEN.pow(WIRE_DIGITS - 1);
    private static final Pattern WIRE_FORM = Pattern.compile("[0-9]{21,40}");

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
    public record Sequence(long number, long createdAtMillis) {}

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

    /** The wire form of an internal number: {@code 10^20 + number}, 21 digits for every number handed out. */
    public static String format(long number) {
        String digits = Long.toString(number);
        return "1" + "0".repeat(WIRE_DIGITS - 1 - digits.length()) + digits;
    }

    /**
     * The internal number of a wire sequence number (a string of 21 to 40 digits). A well-formed
     * number that no table of this engine can hold maps below or above every internal number: -1 or
     * {@link Long#MAX_VALUE}, so that range checks report it as outside a shard.
     *
     * @throws IllegalArgumentException when {@code text} is not a decimal string of 21 to 40 digits
     */
    public static long parse(String text) {
        if (text == null || !WIRE_FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("a sequence number is a string of 21 to 40 decimal digits, not " + text);
        }
        BigInteger internal = new BigInteger(text).subtract(WIRE_OFFSET);
        if (internal.signum() < 0) {
            return -1;
        }
        return internal.bitLength() < Long.SIZE ? internal.longValueExact() : Long.MAX_VALUE;
    }
}
