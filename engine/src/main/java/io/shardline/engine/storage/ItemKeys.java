package io.shardline.engine.storage;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoNumber;
import io.shardline.items.KeySchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Storage keys of items: {@code tableId(8) | hash(8) | partitionKeyLength(2) | partitionKey |
 * sortKey}. Keys sort by table, then by the partition key's 64-bit hash (so a hash-range partition
 * is one contiguous key range), then by partition key, then by sort key in DynamoDB's order:
 * strings by UTF-8 bytes, binaries bytewise, numbers numerically ({@link #keyBytes}).
 */
public final class ItemKeys {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    });

    private static final byte NEGATIVE = 1;
    private static final byte ZERO = 2;
    private static final byte POSITIVE = 3;
    private static final int EXPONENT_BIAS = 1 << 15;

    private ItemKeys() {}

    /** The position of a partition key value in the 64-bit hash space (compare unsigned). */
    public static long hash(byte[] partitionKeyBytes) {
        byte[] digest = MD5.get().digest(partitionKeyBytes);
        return ByteBuffer.wrap(digest).getLong();
    }

    /** The full storage key of an item. */
    public static byte[] item(long tableId, byte[] partitionKey, byte[] sortKey) {
        return ByteBuffer.allocate(18 + partitionKey.length + sortKey.length)
                .putLong(tableId)
                .putLong(hash(partitionKey))
                .putShort((short) partitionKey.length)
                .put(partitionKey)
                .put(sortKey)
                .array();
    }

    /** The storage key of the item a Key (or item) names, under a table's key schema. */
    public static byte[] of(long tableId, KeySchema schema, Map<String, AttributeValue> key) {
        byte[] sortKey = schema.hasSortKey() ? keyBytes(key.get(schema.sortKey())) : new byte[0];
        return item(tableId, keyBytes(key.get(schema.partitionKey())), sortKey);
    }

    /** The prefix shared by every item with this partition key (an item collection). */
    public static byte[] collection(long tableId, byte[] partitionKey) {
        return item(tableId, partitionKey, new byte[0]);
    }

    /** The first possible key of a hash position within a table. */
    public static byte[] hashStart(long tableId, long hash) {
        return ByteBuffer.allocate(16).putLong(tableId).putLong(hash).array();
    }

    /** The first possible key of a table. */
    public static byte[] tableStart(long tableId) {
        return ByteBuffer.allocate(8).putLong(tableId).array();
    }

    /** The hash position stored in an item key. */
    public static long hashOf(byte[] itemKey) {
        return ByteBuffer.wrap(itemKey, 8, 8).getLong();
    }

    /**
     * Encodes a key attribute value so that unsigned bytewise order is DynamoDB's order for its type.
     * Numbers: a sign byte, then the exponent and a terminated digit string, all inverted for
     * negative numbers so that larger magnitudes sort first.
     */
    public static byte[] keyBytes(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        if (value instanceof AttributeValue.N n) {
            return numberBytes(n.value());
        }
        throw new IllegalArgumentException("key attributes are S, N or B, not " + value.type());
    }

    static byte[] numberBytes(DynamoNumber number) {
        if (number.signum() == 0) {
            return new byte[] {ZERO};
        }
        String digits = number.digits();
        byte[] out = new byte[1 + 2 + digits.length() + 1];
        out[0] = number.signum() > 0 ? POSITIVE : NEGATIVE;
        int exponent = number.exponent() + EXPONENT_BIAS;
        out[1] = (byte) (exponent >>> 8);
        out[2] = (byte) exponent;
        for (int i = 0; i < digits.length(); i++) {
            out[3 + i] = (byte) (digits.charAt(i) - '0' + 1);
        }
        out[out.length - 1] = 0;
        if (number.signum() < 0) {
            for (int i = 1; i < out.length; i++) {
                out[i] = (byte) ~out[i];
            }
        }
        return out;
    }
}
