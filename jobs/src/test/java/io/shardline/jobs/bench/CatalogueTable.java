package io.shardline.jobs.bench;

import io.shardline.engine.Engine;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmarks' table: products keyed by string {@code id}, 4 partitions, a stream of both images. */
public final class CatalogueTable {
    private CatalogueTable() {}

    public static void create(Engine engine, String name) {
        engine.createTable(new CreateTable.Request(
                name,
                List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST",
                null,
                List.of(new Tag("shardline:partitions", "4")),
                new StreamSpecification(true, "NEW_AND_OLD_IMAGES")));
    }

    /** Product {@code i}: a number, a string, a price, a string set and a nested map. */
    public static Map<String, AttributeValue> item(int i) {
        return Map.of(
                "id",
                new AttributeValue.S("item-" + i),
                "n",
                AttributeValue.N.of(Integer.toString(i)),
                "name",
                new AttributeValue.S("product number " + i + " in the catalogue"),
                "price",
                AttributeValue.N.of((i % 1000) + ".99"),
                "tags",
                AttributeValue.SS.of(Set.of("a" + (i % 7), "b" + (i % 11))),
                "address",
                new AttributeValue.M(Map.of(
                        "city",
                        new AttributeValue.S("city " + (i % 100)),
                        "zip",
                        AttributeValue.N.of(Integer.toString(10_000 + i % 90_000)))));
    }
}
