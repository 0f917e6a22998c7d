package io.shardline.connector.source.split;

import org.apache.flink.annotation.Internal;

/** A split being read: the split as assigned and the sequence number of the last record emitted. */
@Internal
public final class ShardSplitState {
    private final ShardSplit split;
    private String lastEmitted;

    public ShardSplitState(ShardSplit split) {
        this.split = split;
        this.lastEmitted = split.afterSequenceNumber();
    }

    public void emitted(String sequenceNumber) {
        lastEmitted = sequenceNumber;
    }

    /** The split to checkpoint: resuming after the last emitted record. */
    public ShardSplit toSplit() {
        return split.resumingAfter(lastEmitted);
    }
}
