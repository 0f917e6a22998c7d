package io.shardline.engine.table;

import io.shardline.engine.changelog.SequenceAllocator;
import io.shardline.engine.changelog.ShardDefinition;
import io.shardline.engine.changelog.ShardLineage;
import io.shardline.engine.changelog.StreamDefinition;
import io.shardline.engine.changelog.TrimHorizon;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private final SequenceAllocator sequences;
    private volatile Map<Long, ShardDefinition> openShardByPartition = Map.of();
    private volatile boolean deleted;

    private final TrimHorizon trimHorizon;

    Table(TableDefinition definition, SequenceAllocator sequences, TrimHorizon trimHorizon) {
        this.sequences = sequences;
        this.trimHorizon = trimHorizon;
        define(definition);
    }

    /** How far retention has trimmed each shard of the table's streams. */
    public TrimHorizon trimHorizon() {
        return trimHorizon;
    }

    /** The table's stream sequence numbers. */
    public SequenceAllocator sequences() {
        return sequences;
    }

    /** The open shard of a partition in the enabled stream; null when no stream is enabled. */
    public ShardDefinition openShard(long partitionId) {
        return openShardByPartition.get(partitionId);
    }

    /**
     * {@code base} with one stream replaced or added by {@code change}, which gets a lineage that opens
     * and closes shards at {@code nowMillis} with this table's sequence numbers and shard numbers.
     */
    public TableDefinition withStreamChange(
            TableDefinition base, long nowMillis, Function<ShardLineage, StreamDefinition> change) {
        AtomicLong shardNumbers = new AtomicLong(base.nextShardNumber());
        StreamDefinition changed = change.apply(new ShardLineage(sequences, shardNumbers::getAndIncrement, nowMillis));
        return base.withStream(changed, shardNumbers.get());
    }

    /** Runs {@code change} while no item write is in progress on this table. */
    public <T> T whileNoWrites(Supplier<T> change) {
        Lock lock = structureChange();
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
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
        Map<Long, ShardDefinition> shards = new HashMap<>();
        newDefinition
                .enabledStream()
                .ifPresent(stream -> stream.shards().stream()
                        .filter(ShardDefinition::isOpen)
                        .forEach(shard -> shards.put(shard.partitionId(), shard)));
        definition = newDefinition;
        openByStart = open;
        openShardByPartition = shards;
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
        return Arrays.stream(openByStart)
                .map(p -> stats.get(p.id()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
