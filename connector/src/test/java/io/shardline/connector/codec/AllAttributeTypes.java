package io.shardline.connector.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item holding every one of DynamoDB's ten attribute types, with the edge cases codecs get wrong. */
public final class AllAttributeTypes {
    public static final SdkBytes BYTES = SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255});

    private AllAttributeTypes() {}

    public static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("x".repeat(70_000) + "é\"\\\n\u0001"));
        item.put("n", AttributeValue.fromN("-12345678901234567890123456789012345678E-100"));
        item.put("b", AttributeValue.fromB(BYTES));
        item.put("bool", AttributeValue.fromBool(true));
        item.put("null", AttributeValue.fromNul(true));
        item.put(
                "m",
                AttributeValue.fromM(Map.of(
                        "inner",
                        AttributeValue.fromL(List.of(
                                AttributeValue.fromS("a"),
                                AttributeValue.fromN("1"),
                                AttributeValue.fromM(Map.of()))))));
        item.put("l", AttributeValue.fromL(List.of()));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("bs", AttributeValue.fromBs(List.of(BYTES, SdkBytes.fromByteArray(new byte[0]))));
        return item;
    }
}
