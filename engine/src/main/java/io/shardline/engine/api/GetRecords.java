package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shardline.items.AttributeValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GetRecords: up to Limit (1 to 1000, default 1000) change records and at most 1 MB from a shard
 * iterator's position. NextShardIterator is absent once a closed shard is read to its end.
 */
public final class GetRecords {
    private GetRecords() {}

    public record Request(@Required String shardIterator, Integer limit) {
        public static Request of(String shardIterator) {
            return new Request(shardIterator, null);
        }
    }

    public record Response(List<ChangeRecord> records, String nextShardIterator) {}

    /** One change record, with DynamoDB Streams' member names. */
    public record ChangeRecord(
            @JsonProperty("eventID") String eventId,
            @JsonProperty("eventName") String eventName,
            @JsonProperty("eventVersion") String eventVersion,
            @JsonProperty("eventSource") String eventSource,
            @JsonProperty("awsRegion") String awsRegion,
            @JsonProperty("dynamodb") StreamRecord dynamodb,
            @JsonProperty("userIdentity") Identity userIdentity) {}

    public record StreamRecord(
            BigDecimal approximateCreationDateTime,
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> newImage,
            Map<String, AttributeValue> oldImage,
            String sequenceNumber,
            Long sizeBytes,
            String streamViewType) {}

    /** Who made a change; present only on TTL deletes ({@code Service}, {@code dynamodb.amazonaws.com}). */
    public record Identity(String principalId, String type) {}
}
