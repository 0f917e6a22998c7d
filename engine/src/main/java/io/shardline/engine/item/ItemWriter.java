package io.shardline.engine.item;

import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.DynamoException;
import io.shardline.engine.model.ErrorType;
import io.shardline.engine.model.ItemSize;
import io.shardline.engine.model.KeySchema;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.stream.ChangeRecords;
import io.shardline.engine.stream.SequenceAllocator;
import io.shardline.engine.stream.ShardDefinition;
import io.shardline.engine.stream.StreamViewType;
import io.shardline.engine.table.Partition;
import io.shardline.engine.table.PartitionSplitter;
import io.shardline.engine.table.PartitionStats;
import io.shardline.engine.table.StatsKeys;
import io.shardline.engine.table.Table;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.UnaryOperator;

/**
 * The one path by which items change. A write reads the current item under the item's lock, computes
 * the new one, and commits the item, its partition's counters and (when the table has an enabled
 * stream) its change record in one durable store commit; a write that changes nothing commits
 * nothing and appends no record.
 */
public final class ItemWriter {
    private final Store store;
    private final PartitionSplitter splitter;
    private final ChangeRecords records;
    private final KeyLocks locks = new KeyLocks(4096);

    public ItemWriter(Store store, PartitionSplitter splitter, ChangeRecords records) {
        this.store = store;
        this.splitter = splitter;
        this.records = records;
    }

    /** Who asked for a write: a client, or the TTL sweeper expiring an item. */
    public enum Cause {
        CLIENT, TTL_EXPIRY
    }

    /**
     * Replaces the item at {@code key} with {@code change.apply(current)}: null as input means the item
     * does not exist, null as output deletes it. Exceptions from {@code change} abort the write.
     */
    public ItemChange write(Table table, Map<String, AttributeValue> key,
                            UnaryOperator<Map<String, AttributeValue>> change) {
        return write(table, key, change, Cause.CLIENT);
    }

    /** As {@link #write(Table, Map, UnaryOperator)}, recording who caused the change in its change record. */
    public ItemChange write(Table table, Map<String, AttributeValue> key,
                            UnaryOperator<Map<String, AttributeValue>> change, Cause cause) {
        KeySchema schema = table.definition().keySchema();
        byte[] partitionKey = ItemKeys.keyBytes(key.get(schema.partitionKey()));
        byte[] sortKey = schema.hasSortKey() ? ItemKeys.keyBytes(key.get(schema.sortKey())) : new byte[0];
        byte[] storageKey = ItemKeys.item(table.id(), partitionKey, sortKey);
        Partition partition;
        ItemChange result;
        Lock access = table.writeAccess();
        access.lock();
        try {
            if (table.isDeleted()) {
                throw new DynamoException(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: "
                        + table.definition().name() + " not found");
            }
            partition = table.partitionFor(ItemKeys.hashOf(storageKey));
            Lock itemLock = locks.forKey(storageKey);
            itemLock.lock();
            try {
                byte[] stored = store.get(Family.ITEMS, storageKey);
                Map<String, AttributeValue> oldItem = stored == null ? null : DynamoJson.readItem(stored);
                Map<String, AttributeValue> newItem = change.apply(oldItem);
                result = new ItemChange(oldItem, newItem);
                if (result.changed()) {
                    commit(table, partition, storageKey, key, result, cause);
                }
            } finally {
                itemLock.unlock();
            }
        } finally {
            access.unlock();
        }
        if (result.changed()) {
            splitter.splitIfOversized(table, partition.id());
        }
        return result;
    }

    private void commit(Table table, Partition partition, byte[] storageKey, Map<String, AttributeValue> key,
                        ItemChange change, Cause cause) {
        long oldBytes = change.oldItem() == null ? 0 : ItemSize.of(change.oldItem());
        long newBytes = change.newItem() == null ? 0 : ItemSize.checkLimit(change.newItem());
        long itemDelta = (change.newItem() == null ? 0 : 1) - (change.oldItem() == null ? 0 : 1);
        try (Batch batch = store.batch()) {
            if (change.newItem() == null) {
                batch.delete(Family.ITEMS, storageKey);
            } else {
                batch.put(Family.ITEMS, storageKey, DynamoJson.writeItem(change.newItem()));
            }
            if (itemDelta != 0) {
                batch.add(Family.STATS, StatsKeys.items(table.id(), partition.id()), itemDelta);
            }
            batch.add(Family.STATS, StatsKeys.bytes(table.id(), partition.id()), newBytes - oldBytes);
            ShardDefinition shard = table.openShard(partition.id());
            if (shard == null) {
                store.commit(batch);
            } else {
                commitWithChangeRecord(table, shard, batch, key, change, cause);
            }
        }
        PartitionStats stats = table.stats(partition.id());
        stats.recordChange(itemDelta, newBytes - oldBytes);
    }

    private void commitWithChangeRecord(Table table, ShardDefinition shard, Batch batch, Map<String, AttributeValue> key,
                                        ItemChange change, Cause cause) {
        StreamViewType viewType = StreamViewType.valueOf(table.definition().enabledStream().orElseThrow().viewType());
        SequenceAllocator.Sequence sequence = table.sequences().next();
        try {
            records.append(batch, table.id(), shard, sequence, viewType, key, change.oldItem(), change.newItem(),
                    cause == Cause.TTL_EXPIRY);
            store.commit(batch);
        } finally {
            table.sequences().release(sequence.number());
        }
    }
}
