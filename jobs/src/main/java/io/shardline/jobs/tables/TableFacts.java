package io.shardline.jobs.tables;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * What a job that copies a table needs to know about it before it starts, from one DescribeTable:
 * the key attributes (partition key first), the stream's view type, the approximate item count, the
 * table service's own clock (its HTTP {@code Date} header, to the second), the time base of the
 * stream's record times and so the position from which a snapshot's stream is read, and the whole
 * description.
 *
 * @param viewType    the stream's view type, or null when the table has no stream
 * @param description the table as DescribeTable described it, or null where not needed (tests)
 */
public record TableFacts(
        String table,
        List<String> keyAttributes,
        StreamViewType viewType,
        long itemCount,
        Instant serviceTime,
        TableDescription description) {

    /** Describes {@code table}. */
    public static TableFacts describe(DynamoDbClient client, String table) {
        DescribeTableResponse response = client.describeTable(r -> r.tableName(table));
        TableDescription description = response.table();
        List<String> keys = new ArrayList<>();
        description.keySchema().stream()
                .filter(k -> k.keyType() == KeyType.HASH)
                .forEach(k -> keys.add(k.attributeName()));
        description.keySchema().stream()
                .filter(k -> k.keyType() == KeyType.RANGE)
                .forEach(k -> keys.add(k.attributeName()));
        StreamViewType view = description.streamSpecification() != null
                        && Boolean.TRUE.equals(description.streamSpecification().streamEnabled())
                ? description.streamSpecification().streamViewType()
                : null;
        Instant serviceTime = response.sdkHttpResponse()
                .firstMatchingHeader("Date")
                .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .orElseThrow(() -> new IllegalStateException("The DynamoDB endpoint sent no Date header, so the "
                        + "snapshot cannot be lined up with the stream"));
        return new TableFacts(
                table,
                keys,
                view,
                description.itemCount() == null ? -1 : description.itemCount(),
                serviceTime,
                description);
    }

    /**
     * Refuses a table whose stream does not carry the items' new images, naming the view types that
     * work and what needs them ({@code purpose}, such as "indexing it").
     */
    public void requireNewImages(String purpose) {
        requireImages(StreamViewType.NEW_IMAGE, purpose);
    }

    /**
     * Refuses a table whose stream does not carry the items' old images, naming the view types that
     * work and what needs them ({@code purpose}, such as "archiving its expired items").
     */
    public void requireOldImages(String purpose) {
        requireImages(StreamViewType.OLD_IMAGE, purpose);
    }

    private void requireImages(StreamViewType images, String purpose) {
        if (viewType != images && viewType != StreamViewType.NEW_AND_OLD_IMAGES) {
            throw new IllegalArgumentException(
                    "Table " + table + " has " + (viewType == null ? "no stream" : "a stream of view type " + viewType)
                            + "; " + purpose + " needs a stream of view type " + images
                            + " or NEW_AND_OLD_IMAGES (UpdateTable --stream-specification "
                            + "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES)");
        }
    }

    /** The attribute Time to Live reads on {@code table}, or null when Time to Live is not enabled. */
    public static String ttlAttribute(DynamoDbClient client, String table) {
        TimeToLiveDescription ttl =
                client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        return ttl != null && ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED ? ttl.attributeName() : null;
    }
}
