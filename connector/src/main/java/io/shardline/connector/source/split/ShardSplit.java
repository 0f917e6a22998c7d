package io.shardline.connector.source.split;

import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One shard of one stream, as Flink source work. {@code afterSequenceNumber} is the last record
 * already emitted; without one, the split starts at the shard's latest position when
 * {@code startAtLatest}, else at its first record ({@code startingSequenceNumber}, from
 * DescribeStream). Records trimmed from a shard's start are a gap the reader reports, except where
 * {@code mayStartAtTrimHorizon} allows the split's first read to begin at the trim horizon: the shards
 * a job finds when it first starts, whose oldest records may be gone before the job ever ran.
 */
@Internal
public final class ShardSplit implements SourceSplit {
    private final String streamArn;
    private final String shardId;
    private final String parentShardId;
    private final String startingSequenceNumber;
    private final String afterSequenceNumber;
    private final boolean startAtLatest;
    private final long startAtMillis;
    private final boolean mayStartAtTrimHorizon;

    /** A split starting at the trim horizon, as splits did before shards' starting sequence numbers were kept. */
    public ShardSplit(String streamArn, String shardId, String parentShardId, String afterSequenceNumber,
                      boolean startAtLatest) {
        this(streamArn, shardId, parentShardId, afterSequenceNumber, startAtLatest, 0);
    }

    /**
     * A split starting at the trim horizon, as splits did before shards' starting sequence numbers
     * were kept.
     *
     * @param startAtMillis records created before this time (epoch millis; 0 for none) are passed
     *                      over: the AT_TIMESTAMP start
     */
    public ShardSplit(String streamArn, String shardId, String parentShardId, String afterSequenceNumber,
                      boolean startAtLatest, long startAtMillis) {
        this(streamArn, shardId, parentShardId, null, afterSequenceNumber, startAtLatest, startAtMillis, true);
    }

    /**
     * @param startingSequenceNumber the shard's first position, or null when unknown (then the trim horizon)
     * @param startAtMillis          records created before this time (epoch millis; 0 for none) are
     *                               passed over: the AT_TIMESTAMP start
     * @param mayStartAtTrimHorizon  whether the first read may begin at the trim horizon when the
     *                               shard's first records were trimmed
     */
    public ShardSplit(String streamArn, String shardId, String parentShardId, String startingSequenceNumber,
                      String afterSequenceNumber, boolean startAtLatest, long startAtMillis,
                      boolean mayStartAtTrimHorizon) {
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.parentShardId = parentShardId;
        this.startingSequenceNumber = startingSequenceNumber;
        this.afterSequenceNumber = afterSequenceNumber;
        this.startAtLatest = startAtLatest;
        this.startAtMillis = startAtMillis;
        this.mayStartAtTrimHorizon = mayStartAtTrimHorizon;
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

    public String startingSequenceNumber() {
        return startingSequenceNumber;
    }

    public boolean mayStartAtTrimHorizon() {
        return mayStartAtTrimHorizon;
    }

    /** The same shard, resuming after {@code sequenceNumber}. */
    public ShardSplit resumingAfter(String sequenceNumber) {
        return new ShardSplit(streamArn, shardId, parentShardId, startingSequenceNumber, sequenceNumber,
                startAtLatest && sequenceNumber == null, startAtMillis, mayStartAtTrimHorizon);
    }

    /**
     * The same shard, now known to have been read from its first record: from here on, records trimmed
     * from its start before they were read are a gap.
     */
    public ShardSplit readFromItsStart() {
        return new ShardSplit(streamArn, shardId, parentShardId, startingSequenceNumber, afterSequenceNumber,
                startAtLatest, startAtMillis, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardSplit s && streamArn.equals(s.streamArn) && shardId.equals(s.shardId)
                && Objects.equals(parentShardId, s.parentShardId)
                && Objects.equals(startingSequenceNumber, s.startingSequenceNumber)
                && Objects.equals(afterSequenceNumber, s.afterSequenceNumber) && startAtLatest == s.startAtLatest
                && startAtMillis == s.startAtMillis && mayStartAtTrimHorizon == s.mayStartAtTrimHorizon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamArn, shardId, afterSequenceNumber);
    }

    @Override
    public String toString() {
        return "ShardSplit{" + shardId + " of " + streamArn + (parentShardId == null ? "" : ", parent " + parentShardId)
                + (afterSequenceNumber != null ? ", after " + afterSequenceNumber : startAtLatest ? ", from LATEST"
                : startingSequenceNumber == null ? ", from TRIM_HORIZON" : ", from its start " + startingSequenceNumber
                + (mayStartAtTrimHorizon ? " or the trim horizon" : "")) + "}";
    }
}
