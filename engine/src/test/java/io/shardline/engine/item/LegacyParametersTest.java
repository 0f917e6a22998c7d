package io.shardline.engine.item;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.UpdateItem;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The legacy parameters (Expected, ConditionalOperator, QueryFilter, ScanFilter), read from the JSON
 * clients send: their effects agree with the expressions they stand for, and what DynamoDB refuses is
 * refused with its message and writes nothing.
 */
class LegacyParametersTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory());

    @BeforeEach
    void tables() {
        createTable(engine, "Leases", 2, "leaseKey:S");
        createTable(engine, "Shapes", 2, "id:S");
        createTable(engine, "Events", 2, "pk:S", "sk:N");
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("apple", "{\"S\":\"apple\"}");
        shapes.put("banana", "{\"S\":\"banana\"}");
        shapes.put("five", "{\"N\":\"5\"}");
        shapes.put("ten", "{\"N\":\"10\"}");
        shapes.put("bytes", "{\"B\":\"AQID\"}");
        shapes.put("strings", "{\"SS\":[\"x\",\"y\"]}");
        shapes.put("numbers", "{\"NS\":[\"1\",\"2\"]}");
        shapes.put("list", "{\"L\":[{\"S\":\"x\"},{\"N\":\"1\"}]}");
        shapes.put("map", "{\"M\":{\"x\":{\"N\":\"1\"}}}");
        shapes.put("yes", "{\"BOOL\":true}");
        shapes.put("null", "{\"NULL\":true}");
        shapes.forEach((id, value) ->
                put("{\"TableName\":\"Shapes\",\"Item\":{\"id\":{\"S\":\"" + id + "\"},\"a\":" + value + "}}"));
        put("{\"TableName\":\"Shapes\",\"Item\":{\"id\":{\"S\":\"missing\"}}}");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void expectedExistsFalseCreatesAnItemOnlyOnce() {
        String create =
                "{\"TableName\":\"Leases\",\"Item\":{\"leaseKey\":{\"S\":\"shard-1\"},\"owner\":{\"S\":\"%s\"}},"
                        + "\"Expected\":{\"leaseKey\":{\"Exists\":false}}}";
        put(create.formatted("worker-a"));
        assertThrows(ConditionalCheckFailedException.class, () -> put(create.formatted("worker-b")));
        assertEquals(s("worker-a"), lease("shard-1").get("owner"));
    }

    @Test
    void expectedValueGuardsAnUpdateOfAttributeUpdatesAsALeaseTakerSendsIt() {
        put("{\"TableName\":\"Leases\",\"Item\":{\"leaseKey\":{\"S\":\"shard-1\"},\"leaseCounter\":{\"N\":\"4\"},"
                + "\"owner\":{\"S\":\"worker-a\"}}}");
        String take = "{\"TableName\":\"Leases\",\"Key\":{\"leaseKey\":{\"S\":\"shard-1\"}},"
                + "\"Expected\":{\"leaseCounter\":{\"Value\":{\"N\":\"%s\"},\"Exists\":true}},"
                + "\"AttributeUpdates\":{\"leaseCounter\":{\"Value\":{\"N\":\"1\"},\"Action\":\"ADD\"},"
                + "\"owner\":{\"Value\":{\"S\":\"worker-b\"},\"Action\":\"PUT\"},"
                + "\"checkpoint\":{\"Action\":\"DELETE\"}},"
                + "\"ReturnValues\":\"ALL_NEW\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}";
        Map<String, AttributeValue> taken = engine.updateItem(read(take.formatted("4"), UpdateItem.Request.class))
                .attributes();
        assertEquals(item("leaseKey", s("shard-1"), "leaseCounter", n(5), "owner", s("worker-b")), taken);
        ConditionalCheckFailedException stale = assertThrows(
                ConditionalCheckFailedException.class,
                () -> engine.updateItem(read(take.formatted("4"), UpdateItem.Request.class)));
        assertEquals(taken, stale.item(), "ReturnValuesOnConditionCheckFailure returns the item as it is");
        assertEquals(taken, lease("shard-1"));
    }

    @Test
    void expectedOnADeleteJoinedByConditionalOperator() {
        put("{\"TableName\":\"Leases\",\"Item\":{\"leaseKey\":{\"S\":\"shard-1\"},\"owner\":{\"S\":\"worker-a\"}}}");
        String delete = "{\"TableName\":\"Leases\",\"Key\":{\"leaseKey\":{\"S\":\"shard-1\"}},\"ConditionalOperator\":"
                + "\"%s\",\"Expected\":{\"owner\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":"
                + "\"worker-b\"}]},\"checkpoint\":{\"ComparisonOperator\":\"NULL\"}}}";
        assertThrows(
                ConditionalCheckFailedException.class,
                () -> engine.deleteItem(read(delete.formatted("AND"), DeleteItem.Request.class)));
        engine.deleteItem(read(delete.formatted("OR"), DeleteItem.Request.class));
        assertEquals(null, lease("shard-1"));
    }

    @Test
    void everyComparisonOperatorSelectsWhatItsExpressionSelects() {
        expectSame("EQ", "[{\"S\":\"apple\"}]", "a = :v0", "apple");
        expectSame("EQ", "[{\"SS\":[\"y\",\"x\"]}]", "a = :v0", "strings");
        expectSame(
                "NE",
                "[{\"S\":\"apple\"}]",
                "a <> :v0",
                "banana",
                "five",
                "ten",
                "bytes",
                "strings",
                "numbers",
                "list",
                "map",
                "yes",
                "null",
                "missing");
        expectSame("LT", "[{\"N\":\"7\"}]", "a < :v0", "five");
        expectSame("LE", "[{\"N\":\"10\"}]", "a <= :v0", "five", "ten");
        expectSame("GT", "[{\"S\":\"b\"}]", "a > :v0", "banana");
        expectSame("GE", "[{\"B\":\"AQID\"}]", "a >= :v0", "bytes");
        expectSame(
                "NOT_NULL",
                "[]",
                "attribute_exists(a)",
                "apple",
                "banana",
                "five",
                "ten",
                "bytes",
                "strings",
                "numbers",
                "list",
                "map",
                "yes",
                "null");
        expectSame("NULL", "[]", "attribute_not_exists(a)", "missing");
        expectSame("CONTAINS", "[{\"S\":\"x\"}]", "contains(a, :v0)", "strings", "list");
        expectSame("CONTAINS", "[{\"S\":\"an\"}]", "contains(a, :v0)", "banana");
        expectSame(
                "NOT_CONTAINS",
                "[{\"N\":\"1\"}]",
                "NOT contains(a, :v0)",
                "apple",
                "banana",
                "five",
                "ten",
                "bytes",
                "strings",
                "map",
                "yes",
                "null",
                "missing");
        expectSame("BEGINS_WITH", "[{\"S\":\"ba\"}]", "begins_with(a, :v0)", "banana");
        expectSame("IN", "[{\"N\":\"5\"},{\"N\":\"10\"},{\"N\":\"11\"}]", "a IN (:v0, :v1, :v2)", "five", "ten");
        expectSame("BETWEEN", "[{\"N\":\"4\"},{\"N\":\"6\"}]", "a BETWEEN :v0 AND :v1", "five");
    }

    @Test
    void scanFilterConditionsJoinWithAndUnlessConditionalOperatorSaysOr() {
        String filter = "{\"TableName\":\"Shapes\",%s\"ScanFilter\":{"
                + "\"a\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"AttributeValueList\":[{\"S\":\"b\"}]},"
                + "\"id\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"five\"}]}}}";
        assertThat(ids(engine.scan(read(filter.formatted(""), Scan.Request.class))))
                .isEmpty();
        assertThat(ids(engine.scan(read(filter.formatted("\"ConditionalOperator\":\"AND\","), Scan.Request.class))))
                .isEmpty();
        assertThat(ids(engine.scan(read(filter.formatted("\"ConditionalOperator\":\"OR\","), Scan.Request.class))))
                .containsExactlyInAnyOrder("banana", "five");
    }

    @Test
    void queryFilterNarrowsAKeyConditionsQueryButNotByKey() {
        for (int i = 0; i < 6; i++) {
            put("{\"TableName\":\"Events\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"" + i
                    + "\"},\"even\":{\"BOOL\":" + (i % 2 == 0) + "}}}");
        }
        String query = "{\"TableName\":\"Events\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\","
                + "\"AttributeValueList\":[{\"S\":\"p\"}]},\"sk\":{\"ComparisonOperator\":\"GE\",\"AttributeValueList\":"
                + "[{\"N\":\"1\"}]}},\"QueryFilter\":{\"%s\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":"
                + "[%s]}},\"AttributesToGet\":[\"sk\"]}";
        ItemPage page = engine.query(read(query.formatted("even", "{\"BOOL\":true}"), Query.Request.class));
        assertEquals(List.of(item("sk", n(2)), item("sk", n(4))), page.items());
        assertEquals(5, page.scannedCount(), "the filter applies after the key range is read");
        assertEquals(
                "QueryFilter can only contain non-key attributes: Primary key attribute: sk",
                rejected(
                                ErrorType.VALIDATION,
                                () -> engine.query(read(query.formatted("sk", "{\"N\":\"2\"}"), Query.Request.class)))
                        .getMessage());
    }

    @Test
    void combinationsDynamoDbRefusesGetItsMessagesAndWriteNothing() {
        String put = "{\"TableName\":\"Leases\",\"Item\":{\"leaseKey\":{\"S\":\"k\"}},%s}";
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put(
                "\"Expected\":{\"a\":{\"Exists\":false}},\"ConditionExpression\":\"attribute_exists(b)\"",
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        refusals.put(
                "\"ConditionalOperator\":\"OR\",\"Expected\":{\"a\":{\"Exists\":false}}",
                "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        refusals.put(
                "\"ConditionalOperator\":\"OR\"",
                "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        refusals.put(
                "\"ConditionalOperator\":\"XOR\",\"Expected\":{\"a\":{\"Exists\":false},\"b\":{\"Exists\":false}}",
                "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OR, AND]");
        refusals.put(
                "\"Expected\":{\"a\":{\"Exists\":false,\"Value\":{\"S\":\"x\"}}}",
                "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{\"Exists\":true}}",
                "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{}}",
                "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{\"Exists\":true,\"ComparisonOperator\":\"NULL\"}}",
                "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for "
                        + "Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{\"Value\":{\"S\":\"x\"},\"AttributeValueList\":[{\"S\":\"x\"}],"
                        + "\"ComparisonOperator\":\"EQ\"}}",
                "One or more parameter values were invalid: Value and AttributeValueList cannot be used together for "
                        + "Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{\"AttributeValueList\":[{\"S\":\"x\"}]}}",
                "One or more parameter values were invalid: AttributeValueList can only be used with a "
                        + "ComparisonOperator for Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"GT\"}}",
                "One or more parameter values were invalid: Value or AttributeValueList must be used with "
                        + "ComparisonOperator: GT for Attribute: a");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"x\"},"
                        + "{\"S\":\"y\"}]}}",
                "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"NOT_NULL\",\"Value\":{\"S\":\"x\"}}}",
                "One or more parameter values were invalid: Invalid number of argument(s) for the NOT_NULL "
                        + "ComparisonOperator");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"LT\",\"Value\":{\"SS\":[\"x\"]}}}",
                "One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"IN\",\"AttributeValueList\":[{\"S\":\"x\"},"
                        + "{\"N\":\"1\"}]}}",
                "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same "
                        + "type");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"BETWEEN\",\"AttributeValueList\":[{\"N\":\"9\"},"
                        + "{\"N\":\"1\"}]}}",
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        refusals.put(
                "\"Expected\":{\"a\":{\"ComparisonOperator\":\"LIKE\",\"Value\":{\"S\":\"x\"}}}",
                "1 validation error detected: Value 'LIKE' at 'expected.a.member.comparisonOperator' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, "
                        + "NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        refusals.forEach((members, message) -> assertEquals(
                message,
                rejected(ErrorType.VALIDATION, () -> put(put.formatted(members)))
                        .getMessage(),
                members));
        assertEquals(null, lease("k"), "no refused request wrote");
        assertEquals(
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {ConditionExpression}",
                rejected(
                                ErrorType.VALIDATION,
                                () -> engine.updateItem(read(
                                        "{\"TableName\":\"Leases\",\"Key\":"
                                                + "{\"leaseKey\":{\"S\":\"k\"}},\"AttributeUpdates\":{\"a\":{\"Action\":\"DELETE\"}},"
                                                + "\"Expected\":{\"a\":{\"Exists\":false}},\"ConditionExpression\":\"attribute_exists(b)\"}",
                                        UpdateItem.Request.class)))
                        .getMessage());
        assertEquals(
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}",
                rejected(
                                ErrorType.VALIDATION,
                                () -> engine.scan(read(
                                        "{\"TableName\":\"Shapes\",\"ScanFilter\":"
                                                + "{\"a\":{\"ComparisonOperator\":\"NULL\"}},\"FilterExpression\":\"attribute_exists(a)\"}",
                                        Scan.Request.class)))
                        .getMessage());
        assertEquals(
                "1 validation error detected: Value 'LIKE' at 'scanFilter.a.member.comparisonOperator' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, "
                        + "NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
                rejected(
                                ErrorType.VALIDATION,
                                () -> engine.scan(read(
                                        "{\"TableName\":\"Shapes\",\"ScanFilter\":"
                                                + "{\"a\":{\"ComparisonOperator\":\"LIKE\"}}}",
                                        Scan.Request.class)))
                        .getMessage());
    }

    /**
     * A ScanFilter with one condition on {@code a} and the filter expression it stands for select the
     * same items, and those are the ones named.
     */
    private void expectSame(String operator, String values, String expression, String... expected) {
        String legacy = "{\"TableName\":\"Shapes\",\"ScanFilter\":{\"a\":{\"ComparisonOperator\":\"" + operator + "\""
                + (values.equals("[]") ? "" : ",\"AttributeValueList\":" + values) + "}}}";
        StringBuilder placeholders = new StringBuilder();
        String[] each = values.substring(1, values.length() - 1).split("(?<=}),(?=\\{)");
        for (int i = 0; i < each.length && !each[i].isEmpty(); i++) {
            placeholders
                    .append(i == 0 ? "" : ",")
                    .append("\":v")
                    .append(i)
                    .append("\":")
                    .append(each[i]);
        }
        String modern = "{\"TableName\":\"Shapes\",\"FilterExpression\":\"" + expression + "\""
                + (placeholders.length() == 0 ? "" : ",\"ExpressionAttributeValues\":{" + placeholders + "}") + "}";
        Set<String> byLegacy = ids(engine.scan(read(legacy, Scan.Request.class)));
        assertEquals(ids(engine.scan(read(modern, Scan.Request.class))), byLegacy, operator + " " + values);
        assertEquals(new TreeSet<>(List.of(expected)), byLegacy, operator + " " + values);
    }

    private static Set<String> ids(ItemPage page) {
        Set<String> ids = new TreeSet<>();
        page.items().forEach(found -> ids.add(((AttributeValue.S) found.get("id")).value()));
        return ids;
    }

    private void put(String json) {
        engine.putItem(read(json, PutItem.Request.class));
    }

    private Map<String, AttributeValue> lease(String key) {
        return engine.getItem(GetItem.Request.of("Leases", item("leaseKey", s(key))))
                .item();
    }

    private static <T> T read(String json, Class<T> type) {
        return DynamoJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
