package io.shardline.connector.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.shardline.connector.source.ChangeRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON for the SDK's attribute values and for whole change records as DynamoDB Streams
 * sends them, written by the one codec of Shardline's item model ({@link
 * io.shardline.items.json.DynamoDbJson}).
 */
@Internal
public final class DynamoDbJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamoDbJson() {}

    /**
     * A change record as DynamoDB Streams sends it: eventID, eventName, eventVersion, eventSource,
     * awsRegion, {@code dynamodb} (ApproximateCreationDateTime in epoch seconds, Keys, NewImage,
     * OldImage, SequenceNumber, SizeBytes, StreamViewType) and, for TTL deletes, userIdentity.
     * Members the record lacks are left out.
     */
    public static String changeRecord(ChangeRecord r) {
        ObjectNode json = JSON.createObjectNode();
        putText(json, "eventID", r.eventId());
        putText(json, "eventName", r.eventName());
        putText(json, "eventVersion", r.eventVersion());
        putText(json, "eventSource", r.eventSource());
        putText(json, "awsRegion", r.awsRegion());
        ObjectNode body = json.putObject("dynamodb");
        body.put("ApproximateCreationDateTime", r.approximateCreationTimeMillis() / 1000);
        putItem(body, "Keys", r.keys());
        putItem(body, "NewImage", r.newImage());
        putItem(body, "OldImage", r.oldImage());
        putText(body, "SequenceNumber", r.sequenceNumber());
        if (r.sizeBytes() != null) {
            body.put("SizeBytes", r.sizeBytes());
        }
        putText(body, "StreamViewType", r.viewType());
        if (r.userIdentity() != null) {
            ObjectNode identity = json.putObject("userIdentity");
            putText(identity, "PrincipalId", r.userIdentity().principalId());
            putText(identity, "Type", r.userIdentity().type());
        }
        return json.toString();
    }

    /** An item (or key) as a DynamoDB JSON object; null for none. */
    public static String item(Map<String, AttributeValue> item) {
        return item == null ? null : utf8(io.shardline.items.json.DynamoDbJson.writeItem(SdkItems.toItem(item)));
    }

    /** One attribute value in DynamoDB JSON. */
    public static String value(AttributeValue value) {
        return utf8(io.shardline.items.json.DynamoDbJson.writeValue(SdkItems.toItem(value)));
    }

    /** An item written by {@link #item(Map)}. */
    public static Map<String, AttributeValue> readItem(String json) {
        return SdkItems.toSdk(io.shardline.items.json.DynamoDbJson.readItem(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A list's values as a JSON array of DynamoDB JSON values, such as {@code [{"S":"a"},{"N":"1"}]}. */
    public static String list(List<AttributeValue> values) {
        String typed = value(AttributeValue.fromL(values));
        return typed.substring("{\"L\":".length(), typed.length() - 1);
    }

    /** A list written by {@link #list(List)}. */
    public static List<AttributeValue> readList(String json) {
        return SdkItems.toSdk(io.shardline.items.json.DynamoDbJson.readValue(
                        ("{\"L\":" + json + "}").getBytes(StandardCharsets.UTF_8)))
                .l();
    }

    private static void putText(ObjectNode object, String name, String text) {
        if (text != null) {
            object.put(name, text);
        }
    }

    private static void putItem(ObjectNode object, String name, Map<String, AttributeValue> item) {
        if (item != null) {
            object.putRawValue(name, new RawValue(item(item)));
        }
    }

    private static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
