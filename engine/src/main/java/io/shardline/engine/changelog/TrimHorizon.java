package io.shardline.engine.changelog;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.Store;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per shard, the highest sequence number whose record was trimmed by retention. Reading from a
 * position at or before it would skip records, so it is an error (TrimmedDataAccessException).
 * The trimmer raises a horizon before it deletes, and readers check it after reading, so a read
 * that overlaps a trim never skips records silently.
 */
public final class TrimHorizon {
    private final Store store;
    private final long tableId;
    private final Map<Long, Long> trimmedThrough = new ConcurrentHashMap<>();

    public TrimHorizon(Store store, long tableId, Iterable<StreamDefinition> streams) {
        this.store = store;
        this.tableId = tableId;
        for (StreamDefinition stream : streams) {
            for (ShardDefinition shard : stream.shards()) {
                long trimmed = store.counter(Family.META, key(shard.number()));
                if (trimmed != 0) {
                    trimmedThrough.put(shard.number(), trimmed);
                }
            }
        }
    }

    /** The highest trimmed sequence number of a shard, or 0 when nothing was trimmed. */
    public long of(long shardNumber) {
        return trimmedThrough.getOrDefault(shardNumber, 0L);
    }

    /** Raises a shard's horizon now and stages its durable record into the batch that deletes the records. */
    void advance(Batch batch, long shardNumber, long sequence) {
        trimmedThrough.merge(shardNumber, sequence, Math::max);
        batch.setCounter(Family.META, key(shardNumber), of(shardNumber));
    }

    /** Forgets a shard that left the stream. */
    void forget(Batch batch, long shardNumber) {
        trimmedThrough.remove(shardNumber);
        batch.delete(Family.META, key(shardNumber));
    }

    private byte[] key(long shardNumber) {
        return ("trimmed/" + tableId + "/" + shardNumber).getBytes(StandardCharsets.UTF_8);
    }
}
