package io.shardline.engine.index;

import io.shardline.engine.storage.ItemKeys;
import io.shardline.items.AttributeValue;
import io.shardline.items.KeySchema;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Storage keys of index entries: {@link ItemKeys#item} under the index's id, with the index's
 * partition key as partition key and, in place of a sort key, the index sort key followed by the
 * table's partition and sort keys. Each of those is escaped (0x00 becomes 0x00 0xFF) and terminated
 * (0x00 0x01), which keeps their order and makes them self-delimiting, so entries sort by index sort
 * key first and items with equal index keys still get distinct keys.
 */
public final class IndexKeys {
    private IndexKeys() {}

    /**
     * The entry key of an item in an index, or null when the item is not in it (it lacks an index
     * key attribute, or holds one of another type).
     */
    public static byte[] entry(SecondaryIndex index, KeySchema table, Map<String, AttributeValue> item) {
        KeySchema schema = index.keySchema();
        AttributeValue partition = item.get(schema.partitionKey());
        AttributeValue sort = schema.hasSortKey() ? item.get(schema.sortKey()) : null;
        if (!hasType(partition, schema.partitionType().name())
                || (schema.hasSortKey() && !hasType(sort, schema.sortType().name()))) {
            return null;
        }
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        if (sort != null) {
            escape(ItemKeys.keyBytes(sort), true, tail);
        }
        escape(ItemKeys.keyBytes(item.get(table.partitionKey())), true, tail);
        if (table.hasSortKey()) {
            escape(ItemKeys.keyBytes(item.get(table.sortKey())), true, tail);
        }
        return ItemKeys.item(index.id(), ItemKeys.keyBytes(partition), tail.toByteArray());
    }

    /** The first possible entry key of an index. */
    public static byte[] start(long indexId) {
        return ItemKeys.tableStart(indexId);
    }

    /** A sort key value as entry keys hold it; unterminated, it is the prefix of every value it begins. */
    public static byte[] sortKey(byte[] raw, boolean terminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
        escape(raw, terminated, out);
        return out.toByteArray();
    }

    private static void escape(byte[] raw, boolean terminated, ByteArrayOutputStream out) {
        for (byte b : raw) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        if (terminated) {
            out.write(0);
            out.write(1);
        }
    }

    private static boolean hasType(AttributeValue value, String type) {
        return value != null && value.type().equals(type);
    }
}
