package io.shardline.items;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item and attribute sizes computed as DynamoDB documents them: names and strings by UTF-8 length,
 * numbers by one byte per two significant digits plus one, binaries by length, BOOL and NULL one
 * byte, lists and maps three bytes plus one byte per element plus their contents, sets the sum of
 * their elements.
 */
public final class ItemSize {
    /** DynamoDB's maximum item size, 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return of(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.value().length();
        } else if (value instanceof AttributeValue.M m) {
            return 3 + m.value().size() + of(m.value());
        } else if (value instanceof AttributeValue.L l) {
            return 3
                    + l.value().size()
                    + l.value().stream().mapToLong(ItemSize::of).sum();
        } else if (value instanceof AttributeValue.SS ss) {
            return ss.value().stream().mapToLong(ItemSize::utf8Length).sum();
        } else if (value instanceof AttributeValue.NS ns) {
            return ns.value().stream().mapToLong(ItemSize::of).sum();
        } else if (value instanceof AttributeValue.BS bs) {
            return bs.value().stream().mapToLong(Bytes::length).sum();
        }
        return 1; // BOOL and NULL
    }

    /** How many levels of maps and lists a value nests: 0 for a scalar or set. */
    static int depth(AttributeValue value) {
        if (value instanceof AttributeValue.M m) {
            return 1
                    + m.value().values().stream()
                            .mapToInt(ItemSize::depth)
                            .max()
                            .orElse(0);
        }
        if (value instanceof AttributeValue.L l) {
            return 1 + l.value().stream().mapToInt(ItemSize::depth).max().orElse(0);
        }
        return 0;
    }

    static long of(DynamoNumber number) {
        return (number.digits().length() + 1) / 2 + 1;
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Rejects an item larger than 400 KB, or nested deeper than 32 levels, with DynamoDB's message. */
    public static long checkLimit(Map<String, AttributeValue> item) {
        for (AttributeValue value : item.values()) {
            if (depth(value) > AttributeValue.MAX_DEPTH) {
                throw DynamoException.validation("Nesting Levels have exceeded supported limits: the item nests maps "
                        + "and lists more than " + AttributeValue.MAX_DEPTH + " levels deep");
            }
        }
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        }
        return size;
    }
}
