package io.shardline.connector.source;

import java.io.Serializable;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One change of one item as read from a stream shard: INSERT, MODIFY or REMOVE, with everything
 * DynamoDB Streams sends about it: the keys and the images the stream's view type carries (absent
 * images are null), the sequence number, the record's size, and who made the change (null, or the
 * DynamoDB service for a TTL delete).
 *
 * @param sizeBytes the size DynamoDB Streams reports for the record, or null when it reports none
 */
@PublicEvolving
@TypeInfo(ChangeRecordTypeInfo.Factory.class)
public record ChangeRecord(
        String eventId,
        String eventName,
        String eventVersion,
        String eventSource,
        String awsRegion,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> oldImage,
        Map<String, AttributeValue> newImage,
        String sequenceNumber,
        Long sizeBytes,
        long approximateCreationTimeMillis,
        String viewType,
        String shardId,
        Identity userIdentity)
        implements Serializable {
    /** The identity DynamoDB Streams gives the deletes Time to Live makes. */
    public static final Identity TTL_SERVICE = new Identity("dynamodb.amazonaws.com", "Service");

    /** Who made a change: DynamoDB Streams names the service for deletes made by Time to Live. */
    public record Identity(String principalId, String type) implements Serializable {}

    /** The change record of a DynamoDB Streams {@link Record} read from {@code shardId}. */
    public static ChangeRecord of(Record record, String shardId) {
        var body = record.dynamodb();
        Identity identity = record.userIdentity() == null
                ? null
                : new Identity(
                        record.userIdentity().principalId(),
                        record.userIdentity().type());
        return new ChangeRecord(
                record.eventID(),
                record.eventNameAsString(),
                record.eventVersion(),
                record.eventSource(),
                record.awsRegion(),
                body.keys(),
                body.hasOldImage() ? body.oldImage() : null,
                body.hasNewImage() ? body.newImage() : null,
                body.sequenceNumber(),
                body.sizeBytes(),
                body.approximateCreationDateTime() == null
                        ? 0
                        : body.approximateCreationDateTime().toEpochMilli(),
                body.streamViewTypeAsString(),
                shardId,
                identity);
    }

    /** Whether Time to Live deleted the item (a REMOVE made by the DynamoDB service). */
    public boolean deletedByTtl() {
        return TTL_SERVICE.equals(userIdentity);
    }
}
