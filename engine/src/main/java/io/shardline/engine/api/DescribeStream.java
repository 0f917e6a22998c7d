package io.shardline.engine.api;

import java.math.BigDecimal;
import java.util.List;

/** DescribeStream: a stream's status, view type and shards with their lineage and sequence ranges. */
public final class DescribeStream {
    private DescribeStream() {}

    public record Request(
            @Required String streamArn, Integer limit, String exclusiveStartShardId, ShardFilter shardFilter) {
        public static Request of(String streamArn) {
            return new Request(streamArn, null, null, null);
        }
    }

    /** With type CHILD_SHARDS, only the children of {@code shardId} are described. */
    public record ShardFilter(String type, String shardId) {}

    public record Response(StreamDescription streamDescription) {}

    public record StreamDescription(
            String streamArn,
            String streamLabel,
            String streamStatus,
            String streamViewType,
            BigDecimal creationRequestDateTime,
            String tableName,
            List<KeySchemaElement> keySchema,
            List<Shard> shards,
            String lastEvaluatedShardId) {}

    public record Shard(String shardId, String parentShardId, SequenceNumberRange sequenceNumberRange) {}

    public record SequenceNumberRange(String startingSequenceNumber, String endingSequenceNumber) {}
}
