package io.shardline.items.testing;

import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Short ways to write attribute values and items in tests. */
public final class ItemValues {
    private ItemValues() {}

    public static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    public static AttributeValue n(String value) {
        return AttributeValue.N.of(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.N.of(Long.toString(value));
    }

    public static AttributeValue b(byte... value) {
        return new AttributeValue.B(Bytes.copyOf(value));
    }

    /** An item from alternating names and values. */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }
}
