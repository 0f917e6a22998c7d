package io.shardline.engine.item;

import java.util.Arrays;

/** A range of storage keys, lower bound inclusive, upper bound exclusive. */
record KeyRange(byte[] lower, byte[] upper) {

    boolean contains(byte[] key) {
        return Arrays.compareUnsigned(key, lower) >= 0 && Arrays.compareUnsigned(key, upper) < 0;
    }

    /** The range of every key that starts with {@code prefix}. */
    static KeyRange withPrefix(byte[] prefix) {
        return new KeyRange(prefix, successorOfPrefix(prefix));
    }

    /** The smallest key greater than {@code key}. */
    static byte[] after(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    static byte[] successorOfPrefix(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalArgumentException("a prefix of 0xFF bytes has no successor");
    }

    KeyRange narrowLower(byte[] newLower) {
        return Arrays.compareUnsigned(newLower, lower) > 0 ? new KeyRange(newLower, upper) : this;
    }

    KeyRange narrowUpper(byte[] newUpper) {
        return Arrays.compareUnsigned(newUpper, upper) < 0 ? new KeyRange(lower, newUpper) : this;
    }
}
