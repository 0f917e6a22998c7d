package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Ordering and sizing of attribute values as expressions see them. */
final class Values {
    private Values() {}

    /** Whether two values can be ordered: both numbers, both strings or both binaries. */
    static boolean comparable(AttributeValue a, AttributeValue b) {
        return a.type().equals(b.type())
                && (a.type().equals("N") || a.type().equals("S") || a.type().equals("B"));
    }

    /** Orders two {@link #comparable} values: numbers numerically, strings by UTF-8 bytes, binaries bytewise. */
    static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x) {
            return x.value().compareTo(((AttributeValue.N) b).value());
        }
        if (a instanceof AttributeValue.S x) {
            return Arrays.compareUnsigned(
                    x.value().getBytes(StandardCharsets.UTF_8),
                    ((AttributeValue.S) b).value().getBytes(StandardCharsets.UTF_8));
        }
        return ((AttributeValue.B) a).value().compareTo(((AttributeValue.B) b).value());
    }

    /** size(): characters of a string, bytes of a binary, elements of a set, list or map; null otherwise. */
    static Long size(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return (long) s.value().codePointCount(0, s.value().length());
        } else if (value instanceof AttributeValue.B b) {
            return (long) b.value().length();
        } else if (value instanceof AttributeValue.SS ss) {
            return (long) ss.value().size();
        } else if (value instanceof AttributeValue.NS ns) {
            return (long) ns.value().size();
        } else if (value instanceof AttributeValue.BS bs) {
            return (long) bs.value().size();
        } else if (value instanceof AttributeValue.L l) {
            return (long) l.value().size();
        } else if (value instanceof AttributeValue.M m) {
            return (long) m.value().size();
        }
        return null;
    }
}
