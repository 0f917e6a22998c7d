package io.shardline.engine.storage;

import java.math.BigInteger;

/** The 64-bit unsigned space of partition key hashes, cut into equal slices for partitions and scan segments. */
public final class HashSpace {
    private static final BigInteger SIZE = BigInteger.ONE.shiftLeft(64);

    private HashSpace() {}

    /** The first hash of slice {@code index} of {@code count} equal slices. */
    public static long sliceStart(long index, long count) {
        return SIZE.multiply(BigInteger.valueOf(index))
                .divide(BigInteger.valueOf(count))
                .longValue();
    }

    /** The last hash of slice {@code index} of {@code count} equal slices. */
    public static long sliceEnd(long index, long count) {
        return sliceStart(index + 1, count) - 1;
    }
}
