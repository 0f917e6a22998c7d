package io.shardline.jobs.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.codec.DynamoDbJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items and lists in DynamoDB JSON, both ways: written by the connector's writer, read back with
 * every value's text as it was written (numbers are not normalised), so archive files keep what the
 * table held exactly.
 */
final class ItemJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemJson() {}

    static String write(Map<String, AttributeValue> item) {
        return DynamoDbJson.item(item);
    }

    static Map<String, AttributeValue> readItem(String json) {
        return item(tree(json));
    }

    /** A list's values as a JSON array of DynamoDB JSON values. */
    static String writeList(List<AttributeValue> values) {
        String typed = DynamoDbJson.value(AttributeValue.fromL(values));
        return typed.substring("{\"L\":".length(), typed.length() - 1);
    }

    static List<AttributeValue> readList(String json) {
        return list(tree(json), ItemJson::value);
    }

    static Map<String, AttributeValue> item(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Entry<String, JsonNode> attribute : object.properties()) {
            item.put(attribute.getKey(), value(attribute.getValue()));
        }
        return item;
    }

    private static AttributeValue value(JsonNode typed) {
        if (typed.size() != 1) {
            throw new IllegalArgumentException("Not a DynamoDB JSON value (one type, one value): " + typed);
        }
        Entry<String, JsonNode> only = typed.properties().iterator().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(v.textValue());
            case "N" -> AttributeValue.fromN(v.textValue());
            case "B" -> AttributeValue.fromB(bytes(v));
            case "BOOL" -> AttributeValue.fromBool(v.booleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(item(v));
            case "L" -> AttributeValue.fromL(list(v, ItemJson::value));
            case "SS" -> AttributeValue.fromSs(list(v, JsonNode::textValue));
            case "NS" -> AttributeValue.fromNs(list(v, JsonNode::textValue));
            case "BS" -> AttributeValue.fromBs(list(v, ItemJson::bytes));
            default ->
                throw new IllegalArgumentException("Unknown DynamoDB JSON type " + only.getKey() + " in " + typed);
        };
    }

    private static SdkBytes bytes(JsonNode base64) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64.textValue()));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> values = new ArrayList<>(array.size());
        array.forEach(node -> values.add(element.apply(node)));
        return values;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
