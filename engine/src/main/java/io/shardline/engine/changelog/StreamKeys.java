package io.shardline.engine.changelog;

import java.nio.ByteBuffer;

/**
 * Keys and values of change records in the store's stream family. Key: {@code tableId | shard number |
 * sequence number}, so a shard's records are one contiguous range in sequence order. Value: the
 * record's creation time in epoch millis (8 bytes, for trimming without decoding), then the record
 * in the store's binary format ({@link ChangeRecordCodec}).
 */
final class StreamKeys {
    private StreamKeys() {}

    static byte[] record(long tableId, long shardNumber, long sequence) {
        return ByteBuffer.allocate(24)
                .putLong(tableId)
                .putLong(shardNumber)
                .putLong(sequence)
                .array();
    }

    static byte[] shardStart(long tableId, long shardNumber) {
        return ByteBuffer.allocate(16).putLong(tableId).putLong(shardNumber).array();
    }

    static byte[] shardEnd(long tableId, long shardNumber) {
        return shardStart(tableId, shardNumber + 1);
    }

    static long sequenceOf(byte[] key) {
        return ByteBuffer.wrap(key, 16, 8).getLong();
    }

    static byte[] value(long createdAtMillis, byte[] record) {
        return ByteBuffer.allocate(8 + record.length)
                .putLong(createdAtMillis)
                .put(record)
                .array();
    }

    static long createdAtOf(byte[] value) {
        return ByteBuffer.wrap(value, 0, 8).getLong();
    }

    /** The stored record after the creation time, read in place. */
    static ByteBuffer recordOf(byte[] value) {
        return ByteBuffer.wrap(value, 8, value.length - 8);
    }
}
