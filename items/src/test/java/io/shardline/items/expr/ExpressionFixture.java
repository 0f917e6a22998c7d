package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import io.shardline.items.json.DynamoDbJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The item, names and values that the table-driven and generated expression tests run against. */
final class ExpressionFixture {
    static final String ITEM = "{\"id\":{\"S\":\"item1\"},\"n\":{\"N\":\"5\"},\"neg\":{\"N\":\"-2.5\"},"
            + "\"s\":{\"S\":\"hello\"},\"blank\":{\"S\":\"\"},\"b\":{\"B\":\"AQID\"},\"t\":{\"BOOL\":true},"
            + "\"nul\":{\"NULL\":true},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]},\"bs\":{\"BS\":[\"AQ==\"]},"
            + "\"l\":{\"L\":[{\"S\":\"x\"},{\"N\":\"1\"},{\"M\":{\"deep\":{\"S\":\"d\"}}}]},"
            + "\"m\":{\"M\":{\"k\":{\"S\":\"v\"},\"num\":{\"N\":\"10\"},\"child\":{\"M\":{\"z\":{\"N\":\"0\"}}}}},"
            + "\"name\":{\"S\":\"reserved\"},\"a.b\":{\"S\":\"dotted\"}}";

    static final String VALUES = "{\":five\":{\"N\":\"5\"},\":four\":{\"N\":\"4\"},\":six\":{\"N\":\"6\"},"
            + "\":zero\":{\"N\":\"0\"},\":neg3\":{\"N\":\"-3\"},\":fivePointZero\":{\"N\":\"5.0\"},\":ten\":{\"N\":\"10\"},"
            + "\":one\":{\"N\":\"1\"},\":two\":{\"N\":\"2\"},\":three\":{\"N\":\"3\"},\":s\":{\"S\":\"hello\"},"
            + "\":he\":{\"S\":\"he\"},\":x\":{\"S\":\"x\"},\":a\":{\"S\":\"a\"},\":v\":{\"S\":\"v\"},"
            + "\":bin3\":{\"B\":\"AQID\"},\":bin\":{\"B\":\"AQ==\"},\":true\":{\"BOOL\":true},\":nul\":{\"NULL\":true},"
            + "\":ssab\":{\"SS\":[\"a\",\"b\"]},\":ssba\":{\"SS\":[\"b\",\"a\"]},\":ssc\":{\"SS\":[\"c\"]},"
            + "\":ssa\":{\"SS\":[\"a\"]},\":ns3\":{\"NS\":[\"3\"]},\":ns1\":{\"NS\":[\"1\"]},"
            + "\":list\":{\"L\":[{\"S\":\"x\"},{\"N\":\"1\"},{\"M\":{\"deep\":{\"S\":\"d\"}}}]},"
            + "\":list2\":{\"L\":[{\"S\":\"y\"}]},\":blank\":{\"L\":[]},\":innerMap\":{\"M\":{\"z\":{\"N\":\"0\"}}},"
            + "\":typeN\":{\"S\":\"N\"},\":typeS\":{\"S\":\"S\"},\":typeM\":{\"S\":\"M\"},\":typeL\":{\"S\":\"L\"},"
            + "\":typeSS\":{\"S\":\"SS\"},\":typeNULL\":{\"S\":\"NULL\"},\":typeBOOL\":{\"S\":\"BOOL\"},"
            + "\":typeBad\":{\"S\":\"XYZ\"},\":reserved\":{\"S\":\"reserved\"},\":dotted\":{\"S\":\"dotted\"}}";

    static final Map<String, String> NAMES = Map.of("#n", "n", "#name", "name", "#dot", "a.b", "#k", "k", "#m", "m");

    private ExpressionFixture() {}

    static Map<String, AttributeValue> item() {
        return DynamoDbJson.readItem(ITEM.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> values() {
        return DynamoDbJson.readItem(VALUES.getBytes(StandardCharsets.UTF_8));
    }

    static ExpressionAttributes attributes() {
        return new ExpressionAttributes(NAMES, values());
    }
}
