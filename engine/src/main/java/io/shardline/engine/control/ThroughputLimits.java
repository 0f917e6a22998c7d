package io.shardline.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Amazon's limits, emulated when asked: GetRecords calls per shard per second and concurrent
 * GetRecords calls per shard (DynamoDB Streams answers LimitExceededException), and writes per table
 * per second (DynamoDB answers ProvisionedThroughputExceededException). Off until set; each limit
 * counts in one-second windows of the wall clock.
 */
public final class ThroughputLimits {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What admitting a call that holds no place under the limits returns. */
    public static final Runnable NOTHING = () -> {};

    /** The limits in force; a null member is no limit. */
    public record Settings(
            Integer getRecordsPerSecondPerShard, Integer readersPerShard, Integer writesPerSecondPerTable) {
        static final Settings NONE = new Settings(null, null, null);
    }

    private final Function<String, String> shardOfIterator;
    private final LongSupplier wallClock;
    private volatile Settings settings = Settings.NONE;
    private final Map<String, long[]> readsThisSecond = new ConcurrentHashMap<>();
    private final Map<String, long[]> writesThisSecond = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> readersNow = new ConcurrentHashMap<>();

    /** @param shardOfIterator the shard a GetRecords iterator reads, or null for an invalid one */
    public ThroughputLimits(Function<String, String> shardOfIterator, LongSupplier wallClock) {
        this.shardOfIterator = shardOfIterator;
        this.wallClock = wallClock;
    }

    public Settings settings() {
        return settings;
    }

    public void set(Settings limits) {
        for (Integer limit : new Integer[] {
            limits.getRecordsPerSecondPerShard(), limits.readersPerShard(), limits.writesPerSecondPerTable()
        }) {
            if (limit != null && limit < 1) {
                throw DynamoException.validation("A limit is at least 1, not " + limit + " (leave it out for none)");
            }
        }
        this.settings = limits;
    }

    /**
     * Admits one call of {@code operation} with this request body, or refuses it as Amazon would;
     * returns what to run once the call is answered (ending a concurrent read).
     */
    public Runnable admit(String operation, byte[] body) {
        Settings limits = settings;
        if (limits == Settings.NONE) {
            return NOTHING;
        }
        if (operation.equals("GetRecords")
                && (limits.getRecordsPerSecondPerShard() != null || limits.readersPerShard() != null)) {
            return admitRead(
                    limits,
                    shardOfIterator.apply(json(body).path("ShardIterator").asText(null)));
        }
        if (limits.writesPerSecondPerTable() != null) {
            writesByTable(operation, body).forEach((table, writes) -> {
                if (!count(writesThisSecond, table, writes, limits.writesPerSecondPerTable())) {
                    throw new DynamoException(
                            ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED,
                            "The level of configured "
                                    + "provisioned throughput for the table was exceeded: table " + table + " takes "
                                    + limits.writesPerSecondPerTable() + " writes a second (emulated limit)");
                }
            });
        }
        return NOTHING;
    }

    private Runnable admitRead(Settings limits, String shard) {
        if (shard == null) {
            return NOTHING;
        }
        if (limits.getRecordsPerSecondPerShard() != null
                && !count(readsThisSecond, shard, 1, limits.getRecordsPerSecondPerShard())) {
            throw new DynamoException(
                    ErrorType.LIMIT_EXCEEDED,
                    "Rate exceeded for shard " + shard + ": it takes " + limits.getRecordsPerSecondPerShard()
                            + " GetRecords calls a second (emulated limit)");
        }
        if (limits.readersPerShard() == null) {
            return NOTHING;
        }
        AtomicInteger readers = readersNow.computeIfAbsent(shard, s -> new AtomicInteger());
        if (readers.incrementAndGet() > limits.readersPerShard()) {
            readers.decrementAndGet();
            throw new DynamoException(
                    ErrorType.LIMIT_EXCEEDED,
                    "Rate exceeded for shard " + shard + ": more than " + limits.readersPerShard()
                            + " readers at once (emulated limit)");
        }
        return readers::decrementAndGet;
    }

    /** Adds {@code amount} to the key's count of the current second; false (and nothing added) past {@code limit}. */
    private boolean count(Map<String, long[]> windows, String key, int amount, int limit) {
        long second = wallClock.getAsLong() / 1000;
        long[] window = windows.computeIfAbsent(key, k -> new long[2]);
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            if (window[1] + amount > limit) {
                return false;
            }
            window[1] += amount;
            return true;
        }
    }

    /** The writes a request makes per table: one for a single-item write, one per item of a batch or transaction. */
    private static Map<String, Integer> writesByTable(String operation, byte[] body) {
        Map<String, Integer> writes = new HashMap<>();
        switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem" -> {
                String table = json(body).path("TableName").asText(null);
                if (table != null) {
                    writes.put(table, 1);
                }
            }
            case "BatchWriteItem" ->
                json(body)
                        .path("RequestItems")
                        .properties()
                        .forEach(e -> writes.put(e.getKey(), e.getValue().size()));
            case "TransactWriteItems" ->
                json(body)
                        .path("TransactItems")
                        .forEach(item -> item.properties()
                                .forEach(e -> writes.merge(
                                        e.getValue().path("TableName").asText(""), 1, Integer::sum)));
            default -> {}
        }
        return writes;
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
