package io.shardline.connector.source.split;

import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One shard of one stream, as Flink source work. {@code afterSequenceNumber} is the last record
 * already emitted (null: start at the shard's trim horizon, or at its latest position when
 * {@code startAtLatest}).
 */
@Internal
public final class ShardSplit implements SourceSplit {
    private final String streamArn;
    private final String shardId;
    private final String parentShardId;
    private final String afterSequenceNumber;
    private final boolean startAtLatest;
    private final long startAtMillis;

    public ShardSplit(String streamArn, String shardId, String parentShardId, String afterSequenceNumber,
                      boolean startAtLatest) {
        this(streamArn, shardId, parentShardId, afterSequenceNumber, startAtLatest, 0);
    }

    /**
     * @param startAtMillis records created before this time (epoch millis; 0 for none) are passed
     *                      over: the AT_TIMESTAMP start
     */
    public ShardSplit(String streamArn, String shardId, String parentShardId, String afterSequenceNumber,
                      boolean startAtLatest, long startAtMillis) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.parentShardId = parentShardId;
        this.afterSequenceNumber = afterSequenceNumber;
        this.startAtLatest = startAtLatest;
        this.startAtMillis = startAtMillis;
    }

    public long startAtMillis() {
        return startAtMillis;
    }

    @Override
    public String splitId() {
        return idOf(streamArn, shardId);
    }

    /** The split id of a shard of a stream: {@code <streamArn>|<shardId>}. */
    public static String idOf(String streamArn, String shardId) {
        return streamArn + "|" + shardId;
    }

    /** The stream of a split id. */
    public static String streamArnOf(String splitId) {
        return splitId.substring(0, splitId.indexOf('|'));
    }

    /** The shard of a split id. */
    public static String shardIdOf(String splitId) {
        return splitId.substring(splitId.indexOf('|') + 1);
    }

    /** The split id of this shard's parent, or null for a shard without one. */
    public String parentSplitId() {
        return parentShardId == null ? null : idOf(streamArn, parentShardId);
    }

    public String streamArn() {
        return streamArn;
    }

    public String shardId() {
        return shardId;
    }

    public String parentShardId() {
        return parentShardId;
    }

    public String afterSequenceNumber() {
        return afterSequenceNumber;
    }

    public boolean startAtLatest() {
        return startAtLatest;
    }

    /** The same shard, resuming after {@code sequenceNumber}. */
    public ShardSplit resumingAfter(String sequenceNumber) {
        return new ShardSplit(streamArn, shardId, parentShardId, sequenceNumber, startAtLatest && sequenceNumber == null,
                startAtMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardSplit s && streamArn.equals(s.streamArn) && shardId.equals(s.shardId)
                && Objects.equals(parentShardId, s.parentShardId)
                && Objects.equals(afterSequenceNumber, s.afterSequenceNumber) && startAtLatest == s.startAtLatest
                && startAtMillis == s.startAtMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamArn, shardId, afterSequenceNumber);
    }

    @Override
    public String toString() {
        return "ShardSplit{" + shardId + " of " + streamArn + (parentShardId == null ? "" : ", parent " + parentShardId)
                + (afterSequenceNumber == null ? (startAtLatest ? ", from LATEST" : ", from TRIM_HORIZON")
                : ", after " + afterSequenceNumber) + "}";
    }
}
