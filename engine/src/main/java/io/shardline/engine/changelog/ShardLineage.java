package io.shardline.engine.changelog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How a stream's shards follow its table's partitions: one open shard per open partition; a split
 * closes the parent's shard and opens one child shard per child partition; a rollover closes a shard
 * and opens one child for the same partition; disabling closes every open shard. Closing happens when
 * no write is committing, so a shard's ending number is the highest number handed out.
 */
public final class ShardLineage {
    private final SequenceAllocator sequences;
    private final LongSupplier shardNumbers;
    private final long nowMillis;

    /**
     * @param shardNumbers hands out shard numbers unique within the table
     */
    public ShardLineage(SequenceAllocator sequences, LongSupplier shardNumbers, long nowMillis) {
        this.sequences = sequences;
        this.shardNumbers = shardNumbers;
        this.nowMillis = nowMillis;
    }

    /** A new enabled stream with one open shard per partition. */
    public StreamDefinition enable(String label, StreamViewType viewType, List<Long> openPartitions) {
        List<ShardDefinition> shards = new ArrayList<>();
        for (long partition : openPartitions) {
            shards.add(open(null, partition));
        }
        return new StreamDefinition(label, viewType.name(), nowMillis, null, shards);
    }

    /** The stream with every open shard closed and marked disabled. */
    public StreamDefinition disable(StreamDefinition stream) {
        List<ShardDefinition> shards = new ArrayList<>();
        for (ShardDefinition shard : stream.shards()) {
            shards.add(shard.isOpen() ? close(shard) : shard);
        }
        return stream.disabled(shards, nowMillis);
    }

    /** The stream after a partition split: the parent's shard closed, one child shard per child partition. */
    public StreamDefinition split(StreamDefinition stream, long parentPartition, List<Long> childPartitions) {
        List<ShardDefinition> shards = new ArrayList<>();
        ShardDefinition closed = null;
        for (ShardDefinition shard : stream.shards()) {
            if (shard.isOpen() && shard.partitionId() == parentPartition) {
                shards.add(close(shard));
                closed = shard;
            } else {
                shards.add(shard);
            }
        }
        for (long child : childPartitions) {
            shards.add(open(closed, child));
        }
        return stream.withShards(shards);
    }

    /** The stream with one open shard closed and continued by a new shard of the same partition. */
    public StreamDefinition rollover(StreamDefinition stream, long shardNumber) {
        List<ShardDefinition> shards = new ArrayList<>();
        ShardDefinition successor = null;
        for (ShardDefinition shard : stream.shards()) {
            if (shard.number() == shardNumber && shard.isOpen()) {
                shards.add(close(shard));
                successor = open(shard, shard.partitionId());
            } else {
                shards.add(shard);
            }
        }
        if (successor != null) {
            shards.add(successor);
        }
        return stream.withShards(shards);
    }

    private ShardDefinition open(ShardDefinition parent, long partition) {
        return new ShardDefinition(
                shardNumbers.getAsLong(),
                parent == null ? null : parent.number(),
                parent == null ? null : parent.shardId(),
                partition,
                nowMillis,
                sequences.reserveMarker(),
                null,
                null);
    }

    private ShardDefinition close(ShardDefinition shard) {
        return shard.close(sequences.last(), nowMillis);
    }
}
