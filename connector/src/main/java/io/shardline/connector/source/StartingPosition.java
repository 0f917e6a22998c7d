package io.shardline.connector.source;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Where a source starts in the shards it finds when it first starts: at each shard's first retained
 * record (the trim horizon), at its latest position, or at the first record created at or after a
 * time. Shards found later, and shards a restored job finds, are read from their first record. A
 * new kind of start (such as per-shard sequence numbers) is one more implementation.
 */
@PublicEvolving
public sealed interface StartingPosition extends Serializable
        permits StartingPosition.TrimHorizon, StartingPosition.Latest, StartingPosition.AtTimestamp {

    /** Every retained record: the default. */
    static StartingPosition trimHorizon() {
        return TrimHorizon.INSTANCE;
    }

    /** Only what is written after the job starts. */
    static StartingPosition latest() {
        return Latest.INSTANCE;
    }

    /** The first record created at or after {@code time} (record times are to the second). */
    static StartingPosition atTimestamp(Instant time) {
        return new AtTimestamp(time);
    }

    /** Whether a record created at {@code createdMillis} (epoch millis; 0 when unknown) is passed over. */
    default boolean passesOver(long createdMillis) {
        return false;
    }

    /** Each shard from its first retained record. */
    record TrimHorizon() implements StartingPosition {
        static final TrimHorizon INSTANCE = new TrimHorizon();

        @Override
        public String toString() {
            return "TRIM_HORIZON";
        }
    }

    /** Each shard from its latest position: records written after the job starts. */
    record Latest() implements StartingPosition {
        static final Latest INSTANCE = new Latest();

        @Override
        public String toString() {
            return "LATEST";
        }
    }

    /** Each shard from its first record, passing over the records created before {@code time}. */
    record AtTimestamp(Instant time) implements StartingPosition {
        public AtTimestamp {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public boolean passesOver(long createdMillis) {
            return createdMillis != 0 && createdMillis < time.toEpochMilli();
        }

        @Override
        public String toString() {
            return "AT_TIMESTAMP " + time;
        }
    }
}
