package io.shardline.engine.table;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Cursor;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.StatsKeys;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ItemSize;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * Splits a partition in two at the partition-key hash that best halves its bytes, closing it and
 * opening two children that name it as parent. Items stay where they are (keys are ordered by hash),
 * so a split rewrites only the table definition (with the stream's shard lineage) and the two
 * children's counters, in one durable commit. Splits happen when a partition passes the configured
 * size, or on request.
 */
public final class PartitionSplitter {
    private final Store store;
    private final TableCatalog catalog;
    private final long splitBytes;
    private final Clock clock;

    public PartitionSplitter(Store store, TableCatalog catalog, long splitBytes, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.splitBytes = splitBytes;
        this.clock = clock;
    }

    /** Splits the partition if it has grown past the split size and can be cut into two non-empty halves. */
    public void splitIfOversized(Table table, long partitionId) {
        PartitionStats stats = table.stats(partitionId);
        if (stats == null || !oversized(stats)) {
            return;
        }
        Lock lock = table.structureChange();
        lock.lock();
        try {
            Optional<Partition> partition = openPartition(table, partitionId);
            if (partition.isPresent() && oversized(stats)) {
                Optional<Cut> cut = balancedCut(table, partition.get());
                if (cut.isPresent()) {
                    apply(table, partition.get(), cut.get());
                } else {
                    stats.nextSplitCheckBytes.set(stats.bytes() * 2);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean oversized(PartitionStats stats) {
        return stats.bytes() > splitBytes && stats.bytes() >= stats.nextSplitCheckBytes.get();
    }

    /**
     * Splits an open partition now: at the hash that best halves its bytes, or at the middle of its
     * hash range when its items share one partition key (or it has none). Returns the two children.
     */
    public List<Partition> split(Table table, long partitionId) {
        Lock lock = table.structureChange();
        lock.lock();
        try {
            if (table.isDeleted()) {
                throw DynamoException.validation("Table " + table.definition().name() + " was deleted");
            }
            Partition partition = openPartition(table, partitionId)
                    .orElseThrow(() -> DynamoException.validation("Partition " + partitionId + " of table "
                            + table.definition().name() + " is not an open partition"));
            if (partition.hashStart() == partition.hashEnd()) {
                throw DynamoException.validation("Partition " + partitionId + " covers a single hash and cannot split");
            }
            Cut cut = balancedCut(table, partition).orElseGet(() -> middleCut(table, partition));
            return apply(table, partition, cut);
        } finally {
            lock.unlock();
        }
    }

    private static Optional<Partition> openPartition(Table table, long partitionId) {
        return table.definition().partitions().stream()
                .filter(p -> p.id() == partitionId && p.isOpen())
                .findFirst();
    }

    /** Where a partition is cut: the first hash of the right child, and the left child's contents. */
    private record Cut(long hash, long leftItems, long leftBytes) {}

    /** The boundary between two partition keys whose left side's bytes are nearest half the total. */
    private Optional<Cut> balancedCut(Table table, Partition partition) {
        long half = table.stats(partition.id()).bytes() / 2;
        Cut best = null;
        long items = 0;
        long bytes = 0;
        Long groupHash = null;
        try (PartitionCursor cursor = new PartitionCursor(table, partition)) {
            for (; cursor.valid(); cursor.next()) {
                long hash = cursor.hash();
                if (groupHash != null
                        && hash != groupHash
                        && (best == null || Math.abs(bytes - half) < Math.abs(best.leftBytes() - half))) {
                    best = new Cut(hash, items, bytes);
                }
                groupHash = hash;
                items++;
                bytes += cursor.itemBytes();
            }
        }
        return Optional.ofNullable(best);
    }

    private Cut middleCut(Table table, Partition partition) {
        long hash = partition.hashStart() + ((partition.hashEnd() - partition.hashStart()) >>> 1) + 1;
        long items = 0;
        long bytes = 0;
        try (PartitionCursor cursor = new PartitionCursor(table, partition)) {
            for (; cursor.valid() && Long.compareUnsigned(cursor.hash(), hash) < 0; cursor.next()) {
                items++;
                bytes += cursor.itemBytes();
            }
        }
        return new Cut(hash, items, bytes);
    }

    private List<Partition> apply(Table table, Partition parent, Cut cut) {
        TableDefinition definition = table.definition();
        long now = clock.millis();
        long nextId = definition.nextPartitionId();
        Partition left = new Partition(nextId, parent.id(), parent.hashStart(), cut.hash() - 1, now, null);
        Partition right = new Partition(nextId + 1, parent.id(), cut.hash(), parent.hashEnd(), now, null);
        PartitionStats parentStats = table.stats(parent.id());
        PartitionStats leftStats = new PartitionStats(cut.leftItems(), cut.leftBytes());
        PartitionStats rightStats =
                new PartitionStats(parentStats.items() - cut.leftItems(), parentStats.bytes() - cut.leftBytes());
        List<Partition> partitions = new ArrayList<>();
        for (Partition p : definition.partitions()) {
            partitions.add(p.id() == parent.id() ? p.close(now) : p);
        }
        partitions.add(left);
        partitions.add(right);
        long tableId = definition.id();
        table.putStats(left.id(), leftStats);
        table.putStats(right.id(), rightStats);
        try (Batch batch = store.batch()) {
            batch.delete(Family.STATS, StatsKeys.items(tableId, parent.id()));
            batch.delete(Family.STATS, StatsKeys.bytes(tableId, parent.id()));
            for (Partition child : List.of(left, right)) {
                PartitionStats childStats = child == left ? leftStats : rightStats;
                batch.setCounter(Family.STATS, StatsKeys.items(tableId, child.id()), childStats.items());
                batch.setCounter(Family.STATS, StatsKeys.bytes(tableId, child.id()), childStats.bytes());
            }
            TableDefinition split = definition.withPartitions(partitions, nextId + 2);
            if (definition.enabledStream().isPresent()) {
                split = table.withStreamChange(
                        split,
                        now,
                        lineage -> lineage.split(
                                definition.enabledStream().get(), parent.id(), List.of(left.id(), right.id())));
            }
            catalog.redefine(table, split, batch);
        }
        table.removeStats(parent.id());
        return List.of(left, right);
    }

    /** Walks the items of one partition in hash order. */
    private final class PartitionCursor implements AutoCloseable {
        private final Cursor it;
        private final byte[] end;

        PartitionCursor(Table table, Partition partition) {
            long tableId = table.id();
            end = partition.hashEnd() == -1L
                    ? ItemKeys.tableStart(tableId + 1)
                    : ItemKeys.hashStart(tableId, partition.hashEnd() + 1);
            it = store.cursor(Family.ITEMS);
            it.seek(ItemKeys.hashStart(tableId, partition.hashStart()));
        }

        boolean valid() {
            return it.isValid() && Arrays.compareUnsigned(it.key(), end) < 0;
        }

        void next() {
            it.next();
        }

        long hash() {
            return ItemKeys.hashOf(it.key());
        }

        long itemBytes() {
            return ItemSize.of(ItemCodec.decode(it.value()));
        }

        @Override
        public void close() {
            it.close();
        }
    }
}
