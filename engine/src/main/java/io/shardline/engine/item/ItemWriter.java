package io.shardline.engine.item;

import io.shardline.engine.changelog.ChangeRecords;
import io.shardline.engine.changelog.SequenceAllocator;
import io.shardline.engine.changelog.ShardDefinition;
import io.shardline.engine.changelog.StreamViewType;
import io.shardline.engine.index.IndexEntries;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.StatsKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Partition;
import io.shardline.engine.table.PartitionSplitter;
import io.shardline.engine.table.Table;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.shardline.items.ItemSize;
import io.shardline.items.TransactionCanceledException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.function.UnaryOperator;

/**
 * The one path by which items change. A write reads the current items under their locks, computes
 * the new ones, and commits the items, their partitions' counters and (where the table has an
 * enabled stream) one change record per changed item in one durable store commit. A write that
 * changes nothing commits nothing and appends no record. Several items written together (a
 * transaction) are all written or none.
 */
public final class ItemWriter {
    private final Store store;
    private final PartitionSplitter splitter;
    private final ChangeRecords records;
    private final IndexEntries indexEntries;
    private final KeyLocks locks = new KeyLocks(4096);

    public ItemWriter(Store store, PartitionSplitter splitter, ChangeRecords records) {
        this.store = store;
        this.splitter = splitter;
        this.records = records;
        this.indexEntries = new IndexEntries(store);
    }

    /** Who asked for a write: a client, or the TTL sweeper expiring an item. */
    public enum Cause {
        CLIENT,
        TTL_EXPIRY
    }

    /**
     * One item to write: {@code change} maps the current item (null when absent) to the new one (null
     * deletes it); an exception from it aborts the write.
     */
    public record PlannedWrite(
            Table table, Map<String, AttributeValue> key, UnaryOperator<Map<String, AttributeValue>> change) {}

    /** Writes one item; exceptions of {@code change} reach the caller unchanged. */
    public ItemChange write(
            Table table, Map<String, AttributeValue> key, UnaryOperator<Map<String, AttributeValue>> change) {
        return write(table, key, change, Cause.CLIENT);
    }

    /** As {@link #write(Table, Map, UnaryOperator)}, recording who caused the change in its change record. */
    public ItemChange write(
            Table table,
            Map<String, AttributeValue> key,
            UnaryOperator<Map<String, AttributeValue>> change,
            Cause cause) {
        return writeTogether(List.of(new PlannedWrite(table, key, change)), cause, false)
                .get(0);
    }

    /**
     * Writes several items all or none. When any change fails, nothing is written and a
     * TransactionCanceledException gives one reason per write.
     */
    public List<ItemChange> writeAll(List<PlannedWrite> writes) {
        return writeTogether(writes, Cause.CLIENT, true);
    }

    /** Where one planned write lands. */
    private record Target(PlannedWrite write, byte[] storageKey, int stripe) {}

    private List<ItemChange> writeTogether(List<PlannedWrite> writes, Cause cause, boolean transaction) {
        List<Target> targets = new ArrayList<>();
        for (PlannedWrite write : writes) {
            byte[] storageKey =
                    ItemKeys.of(write.table().id(), write.table().definition().keySchema(), write.key());
            targets.add(new Target(write, storageKey, locks.stripeOf(storageKey)));
        }
        List<Table> tables = writes.stream()
                .map(PlannedWrite::table)
                .distinct()
                .sorted(Comparator.comparingLong(Table::id))
                .toList();
        TreeSet<Integer> stripes = new TreeSet<>();
        targets.forEach(t -> stripes.add(t.stripe()));
        List<Lock> held = new ArrayList<>();
        List<ItemChange> changes = new ArrayList<>();
        List<Partition> partitions = new ArrayList<>();
        try {
            for (Table table : tables) {
                Lock access = table.writeAccess();
                access.lock();
                held.add(access);
                if (table.isDeleted()) {
                    throw new DynamoException(
                            ErrorType.RESOURCE_NOT_FOUND,
                            "Requested resource not found: Table: "
                                    + table.definition().name() + " not found");
                }
            }
            lockStripes(stripes, held);
            List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
            boolean failed = false;
            for (Target target : targets) {
                byte[] stored = store.get(Family.ITEMS, target.storageKey());
                Map<String, AttributeValue> oldItem = stored == null ? null : ItemCodec.decode(stored);
                try {
                    Map<String, AttributeValue> newItem =
                            target.write().change().apply(oldItem);
                    if (newItem != null) {
                        ItemSize.checkLimit(newItem);
                        IndexEntries.checkKeys(
                                target.write().table().definition().indexes(), newItem);
                    }
                    changes.add(new ItemChange(oldItem, newItem));
                    reasons.add(TransactionCanceledException.Reason.NONE);
                } catch (DynamoException e) {
                    if (!transaction) {
                        throw e;
                    }
                    failed = true;
                    reasons.add(reason(e));
                    changes.add(new ItemChange(oldItem, oldItem));
                }
            }
            if (failed) {
                throw new TransactionCanceledException(reasons);
            }
            partitions = commit(targets, changes, cause);
        } finally {
            unlock(held);
        }
        for (int i = 0; i < targets.size(); i++) {
            if (changes.get(i).changed()) {
                splitter.splitIfOversized(
                        targets.get(i).write().table(), partitions.get(i).id());
            }
        }
        return changes;
    }

    /**
     * Adds the items stored at {@code storageKeys} to a global index being backfilled, each under its
     * item lock, in one commit. Returns false when the table or the index is gone.
     */
    boolean backfill(Table table, long indexId, List<byte[]> storageKeys) {
        TreeSet<Integer> stripes = new TreeSet<>();
        storageKeys.forEach(key -> stripes.add(locks.stripeOf(key)));
        Lock access = table.writeAccess();
        access.lock();
        List<Lock> held = new ArrayList<>(List.of(access));
        try {
            Optional<SecondaryIndex> index = table.definition().indexes().stream()
                    .filter(i -> i.id() == indexId)
                    .findFirst();
            if (table.isDeleted() || index.isEmpty()) {
                return false;
            }
            lockStripes(stripes, held);
            try (Batch batch = store.batch()) {
                for (byte[] key : storageKeys) {
                    byte[] stored = store.get(Family.ITEMS, key);
                    if (stored != null) {
                        indexEntries.backfill(
                                batch, index.get(), table.definition().keySchema(), ItemCodec.decode(stored));
                    }
                }
                store.commit(batch);
            }
            return true;
        } finally {
            unlock(held);
        }
    }

    /** Locks item stripes in ascending order (so that writers cannot deadlock), adding each to {@code held}. */
    private void lockStripes(TreeSet<Integer> stripes, List<Lock> held) {
        for (int stripe : stripes) {
            Lock lock = locks.stripe(stripe);
            lock.lock();
            held.add(lock);
        }
    }

    /** Releases locks in the reverse order of taking them. */
    private static void unlock(List<Lock> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).unlock();
        }
    }

    private static TransactionCanceledException.Reason reason(DynamoException e) {
        if (e instanceof ConditionalCheckFailedException failed) {
            return new TransactionCanceledException.Reason("ConditionalCheckFailed", e.getMessage(), failed.item());
        }
        return new TransactionCanceledException.Reason("ValidationError", e.getMessage(), null);
    }

    /** Commits every change at once; returns each target's partition. */
    private List<Partition> commit(List<Target> targets, List<ItemChange> changes, Cause cause) {
        List<Partition> partitions = new ArrayList<>();
        List<long[]> statDeltas = new ArrayList<>();
        List<SequenceAllocator.Sequence> sequences = new ArrayList<>();
        List<Table> sequenceOwners = new ArrayList<>();
        boolean any = false;
        try (Batch batch = store.batch()) {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get(i);
                Table table = target.write().table();
                Partition partition = table.partitionFor(ItemKeys.hashOf(target.storageKey()));
                partitions.add(partition);
                ItemChange change = changes.get(i);
                if (!change.changed()) {
                    statDeltas.add(new long[] {0, 0});
                    continue;
                }
                any = true;
                long oldBytes = change.oldItem() == null ? 0 : ItemSize.of(change.oldItem());
                long newBytes = change.newItem() == null ? 0 : ItemSize.of(change.newItem());
                long itemDelta = (change.newItem() == null ? 0 : 1) - (change.oldItem() == null ? 0 : 1);
                if (change.newItem() == null) {
                    batch.delete(Family.ITEMS, target.storageKey());
                } else {
                    batch.put(Family.ITEMS, target.storageKey(), ItemCodec.encode(change.newItem()));
                }
                if (itemDelta != 0) {
                    batch.add(Family.STATS, StatsKeys.items(table.id(), partition.id()), itemDelta);
                }
                batch.add(Family.STATS, StatsKeys.bytes(table.id(), partition.id()), newBytes - oldBytes);
                indexEntries.stage(
                        batch,
                        table.definition().indexes(),
                        table.definition().keySchema(),
                        change.oldItem(),
                        change.newItem());
                statDeltas.add(new long[] {itemDelta, newBytes - oldBytes});
                ShardDefinition shard = table.openShard(partition.id());
                if (shard != null) {
                    StreamViewType viewType = StreamViewType.valueOf(
                            table.definition().enabledStream().orElseThrow().viewType());
                    SequenceAllocator.Sequence sequence = table.sequences().next();
                    sequences.add(sequence);
                    sequenceOwners.add(table);
                    records.append(
                            batch,
                            table.id(),
                            shard,
                            sequence,
                            viewType,
                            target.write().key(),
                            change.oldItem(),
                            change.newItem(),
                            cause == Cause.TTL_EXPIRY);
                }
            }
            if (any) {
                store.commit(batch);
            }
        } finally {
            for (int i = 0; i < sequences.size(); i++) {
                sequenceOwners.get(i).sequences().release(sequences.get(i).number());
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            long[] delta = statDeltas.get(i);
            if (delta[0] != 0 || delta[1] != 0) {
                targets.get(i).write().table().stats(partitions.get(i).id()).recordChange(delta[0], delta[1]);
            }
        }
        return partitions;
    }
}
