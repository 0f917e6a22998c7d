package io.shardline.engine.api;

/**
 * GetShardIterator: a position in a shard, TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER or
 * AFTER_SEQUENCE_NUMBER. The iterator is opaque and expires after 15 minutes.
 */
public final class GetShardIterator {
    private GetShardIterator() {}

    public record Request(
            @Required String streamArn,
            @Required String shardId,
            @Required String shardIteratorType,
            String sequenceNumber) {
        public static Request of(String streamArn, String shardId, String shardIteratorType) {
            return new Request(streamArn, shardId, shardIteratorType, null);
        }
    }

    public record Response(String shardIterator) {}
}
