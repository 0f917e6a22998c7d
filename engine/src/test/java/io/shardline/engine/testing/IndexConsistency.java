package io.shardline.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.Engine;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.SecondaryIndexDescription;
import io.shardline.engine.api.TableDescription;
import io.shardline.items.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks that every secondary index of a table holds exactly the table's items that have the
 * index's key attributes, projected as the index declares, and that its counters agree.
 */
public final class IndexConsistency {
    private IndexConsistency() {}

    /** Asserts the invariant for every index of {@code table}; returns how many entries were compared. */
    public static int assertIndexesMatchTable(Engine engine, String table) {
        TableDescription description =
                engine.describeTable(new DescribeTable.Request(table)).table();
        List<Map<String, AttributeValue>> items = scanAll(engine, table, null);
        List<String> tableKeys =
                description.keySchema().stream().map(k -> k.attributeName()).toList();
        int compared = 0;
        List<SecondaryIndexDescription> indexes = Stream.concat(
                        description.globalSecondaryIndexes() == null
                                ? Stream.empty()
                                : description.globalSecondaryIndexes().stream(),
                        description.localSecondaryIndexes() == null
                                ? Stream.empty()
                                : description.localSecondaryIndexes().stream())
                .toList();
        for (SecondaryIndexDescription index : indexes) {
            List<String> indexKeys =
                    index.keySchema().stream().map(k -> k.attributeName()).toList();
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> expected = new HashMap<>();
            for (Map<String, AttributeValue> item : items) {
                if (item.keySet().containsAll(indexKeys)) {
                    expected.put(keyOf(item, tableKeys), project(item, index, tableKeys, indexKeys));
                }
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> actual = new HashMap<>();
            for (Map<String, AttributeValue> entry : scanAll(engine, table, index.indexName())) {
                assertThat(actual.put(keyOf(entry, tableKeys), entry))
                        .as("index %s holds each item once", index.indexName())
                        .isNull();
            }
            assertThat(actual).as("entries of index %s", index.indexName()).isEqualTo(expected);
            assertThat(index.itemCount())
                    .as("ItemCount of index %s", index.indexName())
                    .isEqualTo((long) expected.size());
            compared += expected.size();
        }
        return compared;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> keys) {
        Map<String, AttributeValue> key = new HashMap<>();
        keys.forEach(k -> key.put(k, item.get(k)));
        return key;
    }

    private static Map<String, AttributeValue> project(
            Map<String, AttributeValue> item,
            SecondaryIndexDescription index,
            List<String> tableKeys,
            List<String> indexKeys) {
        String type = index.projection().projectionType();
        if (type.equals("ALL")) {
            return item;
        }
        List<String> kept = new ArrayList<>(tableKeys);
        kept.addAll(indexKeys);
        if (type.equals("INCLUDE")) {
            kept.addAll(index.projection().nonKeyAttributes());
        }
        Map<String, AttributeValue> projected = new HashMap<>();
        item.forEach((name, value) -> {
            if (kept.contains(name)) {
                projected.put(name, value);
            }
        });
        return projected;
    }

    /** Every item of a table, or every entry of one of its indexes, read page by page. */
    public static List<Map<String, AttributeValue>> scanAll(Engine engine, String table, String indexName) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ItemPage page = engine.scan(new Scan.Request(
                    table, 97, start, null, null, null, null, null, null, null, null, null, null, indexName));
            all.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start != null);
        return all;
    }
}
