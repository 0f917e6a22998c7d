package io.shardline.engine.table;

import java.nio.ByteBuffer;

/** Keys of the per-partition counters in the stats family: {@code tableId | partitionId | kind}. */
public final class StatsKeys {
    private static final byte ITEMS = 'i';
    private static final byte BYTES = 'b';

    private StatsKeys() {
    }

    public static byte[] items(long tableId, long partitionId) {
        return key(tableId, partitionId, ITEMS);
    }

    public static byte[] bytes(long tableId, long partitionId) {
        return key(tableId, partitionId, BYTES);
    }

    private static byte[] key(long tableId, long partitionId, byte kind) {
        return ByteBuffer.allocate(17).putLong(tableId).putLong(partitionId).put(kind).array();
    }
}
