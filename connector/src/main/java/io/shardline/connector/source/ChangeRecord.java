package io.shardline.connector.source;

import java.io.Serializable;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One change of one item as read from a stream shard: INSERT, MODIFY or REMOVE, with the keys and the
 * images the stream's view type carries (absent images are null).
 */
@PublicEvolving
public record ChangeRecord(String eventId, String eventName, Map<String, AttributeValue> keys,
                           Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage,
                           String sequenceNumber, long approximateCreationTimeMillis, String viewType,
                           String shardId, boolean deletedByTtl) implements Serializable {

    /** The change record of a DynamoDB Streams {@link Record} read from {@code shardId}. */
    public static ChangeRecord of(Record record, String shardId) {
        var body = record.dynamodb();
        boolean ttl = record.userIdentity() != null && "Service".equals(record.userIdentity().type())
                && "dynamodb.amazonaws.com".equals(record.userIdentity().principalId());
        return new ChangeRecord(record.eventID(), record.eventNameAsString(), body.keys(),
                body.hasOldImage() ? body.oldImage() : null, body.hasNewImage() ? body.newImage() : null,
                body.sequenceNumber(), body.approximateCreationDateTime() == null ? 0
                        : body.approximateCreationDateTime().toEpochMilli(),
                body.streamViewTypeAsString(), shardId, ttl);
    }
}
