package io.shardline.connector.codec;

import io.shardline.connector.source.ChangeRecord;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connector's one writer of DynamoDB JSON: attribute values as {@code {"S":"x"}} and friends
 * (all ten types), and whole change records as DynamoDB Streams sends them.
 */
@Internal
public final class DynamoDbJson {
    private DynamoDbJson() {}

    /**
     * A change record as DynamoDB Streams sends it: eventID, eventName, eventVersion, eventSource,
     * awsRegion, {@code dynamodb} (ApproximateCreationDateTime in epoch seconds, Keys, NewImage,
     * OldImage, SequenceNumber, SizeBytes, StreamViewType) and, for TTL deletes, userIdentity.
     * Members the record lacks are left out.
     */
    public static String changeRecord(ChangeRecord r) {
        StringBuilder json = new StringBuilder("{");
        member(json, "eventID", quote(r.eventId()));
        member(json, "eventName", quote(r.eventName()));
        member(json, "eventVersion", quote(r.eventVersion()));
        member(json, "eventSource", quote(r.eventSource()));
        member(json, "awsRegion", quote(r.awsRegion()));
        StringBuilder body = new StringBuilder("{");
        member(body, "ApproximateCreationDateTime", Long.toString(r.approximateCreationTimeMillis() / 1000));
        member(body, "Keys", item(r.keys()));
        member(body, "NewImage", item(r.newImage()));
        member(body, "OldImage", item(r.oldImage()));
        member(body, "SequenceNumber", quote(r.sequenceNumber()));
        member(body, "SizeBytes", r.sizeBytes() == null ? null : r.sizeBytes().toString());
        member(body, "StreamViewType", quote(r.viewType()));
        member(json, "dynamodb", body.append('}').toString());
        if (r.userIdentity() != null) {
            StringBuilder identity = new StringBuilder("{");
            member(identity, "PrincipalId", quote(r.userIdentity().principalId()));
            member(identity, "Type", quote(r.userIdentity().type()));
            member(json, "userIdentity", identity.append('}').toString());
        }
        return json.append('}').toString();
    }

    /** An item (or key) as a DynamoDB JSON object; null for none. */
    public static String item(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        return item.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** One attribute value in DynamoDB JSON. */
    public static String value(AttributeValue v) {
        return switch (v.type()) {
            case S -> "{\"S\":" + quote(v.s()) + "}";
            case N -> "{\"N\":" + quote(v.n()) + "}";
            case B -> "{\"B\":" + quote(Base64.getEncoder().encodeToString(v.b().asByteArray())) + "}";
            case BOOL -> "{\"BOOL\":" + v.bool() + "}";
            case NUL -> "{\"NULL\":true}";
            case M -> "{\"M\":" + item(v.m()) + "}";
            case L -> v.l().stream().map(DynamoDbJson::value).collect(Collectors.joining(",", "{\"L\":[", "]}"));
            case SS -> v.ss().stream().map(DynamoDbJson::quote).collect(Collectors.joining(",", "{\"SS\":[", "]}"));
            case NS -> v.ns().stream().map(DynamoDbJson::quote).collect(Collectors.joining(",", "{\"NS\":[", "]}"));
            case BS ->
                v.bs().stream()
                        .map(b -> quote(Base64.getEncoder().encodeToString(b.asByteArray())))
                        .collect(Collectors.joining(",", "{\"BS\":[", "]}"));
            default -> throw new IllegalArgumentException("unknown attribute value type in " + v);
        };
    }

    /** Appends {@code "name":json} unless {@code json} is null. */
    private static void member(StringBuilder object, String name, String json) {
        if (json == null) {
            return;
        }
        if (object.length() > 1) {
            object.append(',');
        }
        object.append('"').append(name).append("\":").append(json);
    }

    private static String quote(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
