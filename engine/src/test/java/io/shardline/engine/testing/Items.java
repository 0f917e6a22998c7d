package io.shardline.engine.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import java.util.ArrayList;
import java.util.List;

/** Short ways to write attribute values, items and tables in tests. */
public final class Items {
    private Items() {}

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
