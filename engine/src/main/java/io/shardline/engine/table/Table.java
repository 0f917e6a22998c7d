package io.shardline.engine.table;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A live table: its current definition, the lookup from hash to open partition, per-partition
 * statistics, and the structure lock. Item writes hold the read side; partition splits and table
 * deletion hold the write side, so they never interleave with a write in progress.
 */
public final class Table {
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    private final Map<Long, PartitionStats> stats = new ConcurrentHashMap<>();
    private volatile TableDefinition definition;
    private volatile Partition[] openByStart;
    private volatile boolean deleted;

    Table(TableDefinition definition) {
        define(definition);
    }

    public TableDefinition definition() {
        return definition;
    }

    public long id() {
        return definition.id();
    }

    /** Held while writing items; fails if the table was deleted meanwhile. */
    public Lock writeAccess() {
        return structure.readLock();
    }

    Lock structureChange() {
        return structure.writeLock();
    }

    public boolean isDeleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    void define(TableDefinition newDefinition) {
        Partition[] open = newDefinition.openPartitions().toArray(Partition[]::new);
        Arrays.sort(open, Comparator.comparing(Partition::hashStart, Long::compareUnsigned));
        definition = newDefinition;
        openByStart = open;
    }

    /** The open partition holding a hash. */
    public Partition partitionFor(long hash) {
        Partition[] open = openByStart;
        int low = 0;
        int high = open.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (Long.compareUnsigned(open[mid].hashStart(), hash) <= 0) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return open[low];
    }

    public PartitionStats stats(long partitionId) {
        return stats.get(partitionId);
    }

    void putStats(long partitionId, PartitionStats partitionStats) {
        stats.put(partitionId, partitionStats);
    }

    void removeStats(long partitionId) {
        stats.remove(partitionId);
    }

    public long itemCount() {
        return openStats().stream().mapToLong(PartitionStats::items).sum();
    }

    public long sizeBytes() {
        return openStats().stream().mapToLong(PartitionStats::bytes).sum();
    }

    private List<PartitionStats> openStats() {
        return Arrays.stream(openByStart).map(p -> stats.get(p.id())).filter(java.util.Objects::nonNull).toList();
    }
}
