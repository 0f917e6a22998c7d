package io.shardline.engine.index;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.StatsKeys;
import io.shardline.engine.storage.Store;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ItemSize;
import io.shardline.items.KeySchema;
import io.shardline.items.ScalarType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps secondary indexes in step with items: every item change stages its index entry changes and
 * the indexes' counters into the item's own batch, so a table and its indexes commit together and a
 * crash cannot leave them apart. Index maintenance appends no change records. Callers hold the
 * item's lock.
 */
public final class IndexEntries {
    private final Store store;

    public IndexEntries(Store store) {
        this.store = store;
    }

    /**
     * Refuses an item whose index key attributes have the wrong type, are empty or are too large,
     * naming the index; an item without an index's key attributes is simply not in that index.
     */
    public static void checkKeys(List<SecondaryIndex> indexes, Map<String, AttributeValue> item) {
        for (SecondaryIndex index : indexes) {
            KeySchema schema = index.keySchema();
            checkKey(index, item, schema.partitionKey(), schema.partitionType(), KeySchema.MAX_PARTITION_KEY_BYTES);
            if (schema.hasSortKey()) {
                checkKey(index, item, schema.sortKey(), schema.sortType(), KeySchema.MAX_SORT_KEY_BYTES);
            }
        }
    }

    private static void checkKey(
            SecondaryIndex index, Map<String, AttributeValue> item, String name, ScalarType type, int maxBytes) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return;
        }
        if (!value.type().equals(type.name())) {
            throw DynamoException.invalidParameter("Type mismatch for Index Key " + name + " Expected: " + type
                    + " Actual: " + value.type() + " IndexName: " + index.name());
        }
        long size = ItemSize.of(value);
        if (size == 0) {
            throw DynamoException.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty " + (type == ScalarType.S ? "string" : "binary") + " value. IndexName: " + index.name()
                    + ", IndexKey: " + name);
        }
        if (size > maxBytes) {
            throw DynamoException.invalidParameter("Size of index key " + name + " of index " + index.name()
                    + " has exceeded the maximum size limit of " + maxBytes + " bytes");
        }
    }

    /** Stages the entry changes of one item change (either item may be null) into {@code batch}. */
    public void stage(
            Batch batch,
            List<SecondaryIndex> indexes,
            KeySchema table,
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem) {
        for (SecondaryIndex index : indexes) {
            byte[] oldKey = oldItem == null ? null : IndexKeys.entry(index, table, oldItem);
            byte[] newKey = newItem == null ? null : IndexKeys.entry(index, table, newItem);
            boolean oldPresent = oldKey != null && (index.isActive() || store.get(Family.INDEXES, oldKey) != null);
            Map<String, AttributeValue> oldEntry = oldPresent ? index.project(oldItem, table) : null;
            Map<String, AttributeValue> newEntry = newKey == null ? null : index.project(newItem, table);
            if (oldPresent && newKey != null && Arrays.equals(oldKey, newKey) && Objects.equals(oldEntry, newEntry)) {
                continue;
            }
            long items = 0;
            long bytes = 0;
            if (oldPresent) {
                if (newKey == null || !Arrays.equals(oldKey, newKey)) {
                    batch.delete(Family.INDEXES, oldKey);
                }
                items--;
                bytes -= ItemSize.of(oldEntry);
            }
            if (newKey != null) {
                batch.put(Family.INDEXES, newKey, ItemCodec.encode(newEntry));
                items++;
                bytes += ItemSize.of(newEntry);
            }
            count(batch, index, items, bytes);
        }
    }

    /** Stages an existing item's entry into an index being backfilled, unless a write already put it there. */
    public void backfill(Batch batch, SecondaryIndex index, KeySchema table, Map<String, AttributeValue> item) {
        byte[] key = IndexKeys.entry(index, table, item);
        if (key == null || store.get(Family.INDEXES, key) != null) {
            return;
        }
        Map<String, AttributeValue> entry = index.project(item, table);
        batch.put(Family.INDEXES, key, ItemCodec.encode(entry));
        count(batch, index, 1, ItemSize.of(entry));
    }

    private static void count(Batch batch, SecondaryIndex index, long items, long bytes) {
        if (items != 0) {
            batch.add(Family.STATS, StatsKeys.indexItems(index.id()), items);
        }
        if (bytes != 0) {
            batch.add(Family.STATS, StatsKeys.indexBytes(index.id()), bytes);
        }
    }

    /** Stages the removal of every entry and counter of an index. */
    public static void dropAll(Batch batch, SecondaryIndex index) {
        batch.deleteRange(Family.INDEXES, IndexKeys.start(index.id()), IndexKeys.start(index.id() + 1));
        batch.delete(Family.STATS, StatsKeys.indexItems(index.id()));
        batch.delete(Family.STATS, StatsKeys.indexBytes(index.id()));
    }
}
