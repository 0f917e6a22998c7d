package io.shardline.connector.source;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders change records as DynamoDB Streams JSON, attribute values in DynamoDB JSON. */
final class ChangeRecordJson {
    private ChangeRecordJson() {
    }

    static String render(ChangeRecord r) {
        StringBuilder json = new StringBuilder("{\"eventID\":").append(quote(r.eventId()))
                .append(",\"eventName\":").append(quote(r.eventName()))
                .append(",\"dynamodb\":{\"ApproximateCreationDateTime\":").append(r.approximateCreationTimeMillis() / 1000)
                .append(",\"Keys\":").append(item(r.keys()));
        if (r.newImage() != null) {
            json.append(",\"NewImage\":").append(item(r.newImage()));
        }
        if (r.oldImage() != null) {
            json.append(",\"OldImage\":").append(item(r.oldImage()));
        }
        return json.append(",\"SequenceNumber\":").append(quote(r.sequenceNumber()))
                .append(",\"StreamViewType\":").append(quote(r.viewType())).append("}}").toString();
    }

    static String item(Map<String, AttributeValue> item) {
        return item.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(AttributeValue v) {
        return switch (v.type()) {
            case S -> "{\"S\":" + quote(v.s()) + "}";
            case N -> "{\"N\":" + quote(v.n()) + "}";
            case B -> "{\"B\":" + quote(Base64.getEncoder().encodeToString(v.b().asByteArray())) + "}";
            case BOOL -> "{\"BOOL\":" + v.bool() + "}";
            case NUL -> "{\"NULL\":true}";
            case M -> "{\"M\":" + item(v.m()) + "}";
            case L -> v.l().stream().map(ChangeRecordJson::value).collect(Collectors.joining(",", "{\"L\":[", "]}"));
            case SS -> v.ss().stream().map(ChangeRecordJson::quote).collect(Collectors.joining(",", "{\"SS\":[", "]}"));
            case NS -> v.ns().stream().map(ChangeRecordJson::quote).collect(Collectors.joining(",", "{\"NS\":[", "]}"));
            case BS -> v.bs().stream().map(b -> quote(Base64.getEncoder().encodeToString(b.asByteArray())))
                    .collect(Collectors.joining(",", "{\"BS\":[", "]}"));
            default -> throw new IllegalArgumentException("unknown attribute value type in " + v);
        };
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
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
