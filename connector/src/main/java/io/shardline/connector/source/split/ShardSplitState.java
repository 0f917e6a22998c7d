package io.shardline.connector.source.split;

import org.apache.flink.annotation.Internal;

/** A split being read: the split as assigned and the sequence number of the last record emitted or passed over. */
@Internal
public final class ShardSplitState {
    private final ShardSplit split;
    private String lastEmitted;

    public ShardSplitState(ShardSplit split) {
        this.split = split;
        this.lastEmitted = split.afterSequenceNumber();
    }

    /** The table whose stream the split belongs to, from the stream's ARN ({@code ...:table/<name>/stream/<label>}). */
    public String tableName() {
        String arn = split.streamArn();
        int start = arn.indexOf(":table/") + ":table/".length();
        int end = arn.indexOf("/stream/", start);
        return start < ":table/".length() || end < 0 ? null : arn.substring(start, end);
    }

    /** Whether a record created at {@code createdMillis} comes before the split's AT_TIMESTAMP start. */
    public boolean passesOver(long createdMillis) {
        return split.start().passesOver(createdMillis);
    }

    public void emitted(String sequenceNumber) {
        lastEmitted = sequenceNumber;
    }

    /** The split to checkpoint: resuming after the last emitted record. */
    public ShardSplit toSplit() {
        return split.resumingAfter(lastEmitted);
    }
}
