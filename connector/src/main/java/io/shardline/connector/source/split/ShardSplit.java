package io.shardline.connector.source.split;

import io.shardline.connector.source.StartingPosition;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One shard of one stream, as Flink source work. {@code afterSequenceNumber} is the last record
 * already emitted; without one, the split starts where {@code start} says: at the shard's latest
 * position, or at its first record ({@code startingSequenceNumber}, from DescribeStream), passing
 * over records older than an AT_TIMESTAMP start. Records trimmed from a shard's start are a gap the
 * reader reports, except where {@code mayStartAtTrimHorizon} allows the split's first read to begin
 * at the trim horizon: the shards a job finds when it first starts, whose oldest records may be gone
 * before the job ever ran.
 */
@Internal
public final class ShardSplit implements SourceSplit {
    private final SplitId id;
    private final String parentShardId;
    private final String startingSequenceNumber;
    private final String afterSequenceNumber;
    private final StartingPosition start;
    private final boolean mayStartAtTrimHorizon;

    /** A split whose shard's first position is unknown (then the trim horizon), as splits were before it was kept. */
    public ShardSplit(
            String streamArn,
            String shardId,
            String parentShardId,
            String afterSequenceNumber,
            StartingPosition start) {
        this(streamArn, shardId, parentShardId, null, afterSequenceNumber, start, true);
    }

    /**
     * @param startingSequenceNumber the shard's first position, or null when unknown (then the trim horizon)
     * @param start                  where the split starts when it has no {@code afterSequenceNumber}
     * @param mayStartAtTrimHorizon  whether the first read may begin at the trim horizon when the
     *                               shard's first records were trimmed
     */
    public ShardSplit(
            String streamArn,
            String shardId,
            String parentShardId,
            String startingSequenceNumber,
            String afterSequenceNumber,
            StartingPosition start,
            boolean mayStartAtTrimHorizon) {
        this.id = new SplitId(streamArn, shardId);
        this.parentShardId = parentShardId;
        this.startingSequenceNumber = startingSequenceNumber;
        this.afterSequenceNumber = afterSequenceNumber;
        this.start = Objects.requireNonNull(start, "start");
        this.mayStartAtTrimHorizon = mayStartAtTrimHorizon;
    }

    @Override
    public String splitId() {
        return id.toString();
    }

    public SplitId id() {
        return id;
    }

    /** The id of this shard's parent, or null for a shard without one. */
    public SplitId parentId() {
        return parentShardId == null ? null : id.sibling(parentShardId);
    }

    public String streamArn() {
        return id.streamArn();
    }

    public String shardId() {
        return id.shardId();
    }

    public String parentShardId() {
        return parentShardId;
    }

    public String afterSequenceNumber() {
        return afterSequenceNumber;
    }

    /** Where the split starts when it has no {@link #afterSequenceNumber()}. */
    public StartingPosition start() {
        return start;
    }

    public String startingSequenceNumber() {
        return startingSequenceNumber;
    }

    public boolean mayStartAtTrimHorizon() {
        return mayStartAtTrimHorizon;
    }

    /** The same shard, resuming after {@code sequenceNumber}: a position read wins over a LATEST start. */
    public ShardSplit resumingAfter(String sequenceNumber) {
        StartingPosition from = sequenceNumber != null && start instanceof StartingPosition.Latest
                ? StartingPosition.trimHorizon()
                : start;
        return new ShardSplit(
                streamArn(),
                shardId(),
                parentShardId,
                startingSequenceNumber,
                sequenceNumber,
                from,
                mayStartAtTrimHorizon);
    }

    /**
     * The same shard, now known to have been read from its first record: from here on, records trimmed
     * from its start before they were read are a gap.
     */
    public ShardSplit readFromItsStart() {
        return new ShardSplit(
                streamArn(), shardId(), parentShardId, startingSequenceNumber, afterSequenceNumber, start, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardSplit s
                && id.equals(s.id)
                && Objects.equals(parentShardId, s.parentShardId)
                && Objects.equals(startingSequenceNumber, s.startingSequenceNumber)
                && Objects.equals(afterSequenceNumber, s.afterSequenceNumber)
                && start.equals(s.start)
                && mayStartAtTrimHorizon == s.mayStartAtTrimHorizon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, afterSequenceNumber);
    }

    @Override
    public String toString() {
        return "ShardSplit{" + shardId() + " of " + streamArn()
                + (parentShardId == null ? "" : ", parent " + parentShardId)
                + (afterSequenceNumber != null
                        ? ", after " + afterSequenceNumber
                        : start instanceof StartingPosition.Latest
                                ? ", from LATEST"
                                : startingSequenceNumber == null
                                        ? ", from TRIM_HORIZON"
                                        : ", from its start " + startingSequenceNumber
                                                + (mayStartAtTrimHorizon ? " or the trim horizon" : ""))
                + (start instanceof StartingPosition.AtTimestamp at ? ", passing over records before " + at.time() : "")
                + "}";
    }
}
