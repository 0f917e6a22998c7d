package io.shardline.engine.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short ways to write attribute values, items and tables in tests. */
public final class Items {
    private Items() {}

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

    /**
     * A CreateTable request: {@code "id:S"} for a partition key only, {@code "pk:S", "sk:N"} for both.
     */
    public static CreateTable.Request table(String name, int partitions, String... keys) {
        return tableWithStream(name, partitions, null, keys);
    }

    /** As {@link #table(String, int, String...)}, with a stream of the given view type (null for none). */
    public static CreateTable.Request tableWithStream(
            String name, int partitions, String streamViewType, String... keys) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> schema = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            String[] parts = keys[i].split(":");
            definitions.add(new AttributeDefinition(parts[0], parts[1]));
            schema.add(new KeySchemaElement(parts[0], i == 0 ? "HASH" : "RANGE"));
        }
        return new CreateTable.Request(
                name,
                definitions,
                schema,
                "PAY_PER_REQUEST",
                null,
                List.of(new Tag("shardline:partitions", Integer.toString(partitions))),
                streamViewType == null ? null : new StreamSpecification(true, streamViewType));
    }

    public static void createTable(Engine engine, String name, int partitions, String... keys) {
        engine.createTable(table(name, partitions, keys));
    }
}
