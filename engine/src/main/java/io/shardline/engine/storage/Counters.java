package io.shardline.engine.storage;

/**
 * The value format of RocksDB's built-in uint64add merge operator: 8 bytes, little-endian. Negative
 * deltas wrap around, so adding them subtracts.
 */
final class Counters {
    private Counters() {}

    static byte[] encode(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static long decode(byte[] bytes) {
        if (bytes == null) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (bytes[i] & 0xFFL) << (8 * i);
        }
        return value;
    }
}
