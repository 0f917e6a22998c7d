package io.shardline.engine.changelog;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Cursor;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.Store;
import java.util.Arrays;

/** Reads and trims the stored change records of shards. */
public final class ShardReader {
    private final Store store;

    public ShardReader(Store store) {
        this.store = store;
    }

    /** Records read from one shard, and whether the read reached the end of what is visible. */
    public record Page(StoredChangeRecords records, long lastSequence, boolean exhausted) {}

    /**
     * Up to {@code limit} records and about {@code maxBytes} (always at least one record) with sequence
     * numbers in (after, through], from one consistent snapshot.
     */
    public Page read(long tableId, long shardNumber, long after, long through, int limit, long maxBytes) {
        StoredChangeRecords records = new StoredChangeRecords(tableId);
        long last = after;
        long bytes = 0;
        byte[] end = StreamKeys.shardEnd(tableId, shardNumber);
        try (Cursor it = store.cursor(Family.STREAM)) {
            for (it.seek(StreamKeys.record(tableId, shardNumber, after + 1)); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (Arrays.compareUnsigned(key, end) >= 0 || StreamKeys.sequenceOf(key) > through) {
                    break;
                }
                byte[] value = it.value();
                if (records.size() == limit || (!records.isEmpty() && bytes + value.length > maxBytes)) {
                    return new Page(records, last, false);
                }
                long sequence = StreamKeys.sequenceOf(key);
                records.add(sequence, value);
                bytes += value.length;
                last = sequence;
            }
        }
        return new Page(records, last, true);
    }

    /**
     * Deletes a shard's records created before {@code horizonMillis}, raising its trim horizon first.
     * Returns how many were deleted.
     */
    public int trim(long tableId, long shardNumber, long horizonMillis, TrimHorizon horizon) {
        byte[] start = StreamKeys.shardStart(tableId, shardNumber);
        byte[] end = StreamKeys.shardEnd(tableId, shardNumber);
        int deleted = 0;
        long lastDeleted = 0;
        byte[] firstKept = end;
        try (Cursor it = store.cursor(Family.STREAM)) {
            for (it.seek(start); it.isValid() && Arrays.compareUnsigned(it.key(), end) < 0; it.next()) {
                if (StreamKeys.createdAtOf(it.value()) >= horizonMillis) {
                    firstKept = it.key();
                    break;
                }
                lastDeleted = StreamKeys.sequenceOf(it.key());
                deleted++;
            }
        }
        if (deleted > 0) {
            try (Batch batch = store.batch()) {
                horizon.advance(batch, shardNumber, lastDeleted);
                batch.deleteRange(Family.STREAM, start, firstKept);
                store.commit(batch);
            }
        }
        return deleted;
    }

    /** Deletes every record of a shard that left its stream. */
    public void drop(long tableId, long shardNumber, TrimHorizon horizon) {
        try (Batch batch = store.batch()) {
            horizon.forget(batch, shardNumber);
            batch.deleteRange(
                    Family.STREAM,
                    StreamKeys.shardStart(tableId, shardNumber),
                    StreamKeys.shardEnd(tableId, shardNumber));
            store.commit(batch);
        }
    }
}
