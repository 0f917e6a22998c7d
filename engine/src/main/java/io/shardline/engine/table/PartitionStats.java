package io.shardline.engine.table;

import java.util.concurrent.atomic.AtomicLong;

/** Live item count and size (DynamoDB item-size bytes) of one partition. */
public final class PartitionStats {
    final AtomicLong items = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    /** Size below which no automatic split is tried again, after a split found no useful boundary. */
    final AtomicLong nextSplitCheckBytes = new AtomicLong();

    PartitionStats(long items, long bytes) {
        this.items.set(items);
        this.bytes.set(bytes);
    }

    /** Applies a committed write's effect on this partition. */
    public void recordChange(long itemDelta, long byteDelta) {
        items.addAndGet(itemDelta);
        bytes.addAndGet(byteDelta);
    }

    public long items() {
        return items.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
