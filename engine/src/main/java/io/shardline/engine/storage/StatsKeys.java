package io.shardline.engine.storage;

import java.nio.ByteBuffer;

/**
 * Keys of the counters in the stats family: per partition {@code tableId | partitionId | kind}, and per
 * secondary index {@code indexId | -1 | kind} (index ids come from the table id sequence, so they
 * never collide with a table's).
 */
public final class StatsKeys {
    private static final byte ITEMS = 'i';
    private static final byte BYTES = 'b';

    private StatsKeys() {}

    public static byte[] items(long tableId, long partitionId) {
        return key(tableId, partitionId, ITEMS);
    }

    public static byte[] bytes(long tableId, long partitionId) {
        return key(tableId, partitionId, BYTES);
    }

    public static byte[] indexItems(long indexId) {
        return key(indexId, -1, ITEMS);
    }

    public static byte[] indexBytes(long indexId) {
        return key(indexId, -1, BYTES);
    }

    private static byte[] key(long tableId, long partitionId, byte kind) {
        return ByteBuffer.allocate(17)
                .putLong(tableId)
                .putLong(partitionId)
                .put(kind)
                .array();
    }
}
