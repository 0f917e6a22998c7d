package io.shardline.engine.item;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.engine.api.BatchGetItem;
import io.shardline.engine.api.Condition;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.KeysAndAttributes;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.UpdateItem;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpressionRequestsTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory());

    @BeforeEach
    void tables() {
        createTable(engine, "Accounts", 2, "id:S");
        createTable(engine, "Scores", 2, "game:S", "at:N");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return engine.getItem(GetItem.Request.of("Accounts", key)).item();
    }

    private void putIf(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, AttributeValue> values,
            String returnOnFailure) {
        engine.putItem(
                new PutItem.Request("Accounts", item, null, null, null, condition, null, values, returnOnFailure));
    }

    @Test
    void conditionalPutFailsWithoutWritingAndCanReturnTheItem() {
        putIf(item("id", s("a"), "v", n(1)), "attribute_not_exists(id)", null, null);
        ConditionalCheckFailedException failed = (ConditionalCheckFailedException) rejected(
                ErrorType.CONDITIONAL_CHECK_FAILED,
                () -> putIf(item("id", s("a"), "v", n(2)), "attribute_not_exists(id)", null, "ALL_OLD"));
        assertEquals("The conditional request failed", failed.getMessage());
        assertEquals(item("id", s("a"), "v", n(1)), failed.item());
        assertNull(((ConditionalCheckFailedException) rejected(
                        ErrorType.CONDITIONAL_CHECK_FAILED,
                        () -> putIf(item("id", s("a"), "v", n(2)), "v = :two", Map.of(":two", n(2)), null)))
                .item());
        assertEquals(n(1), get(item("id", s("a"))).get("v"));
        putIf(item("id", s("a"), "v", n(2)), "v = :one", Map.of(":one", n(1)), null);
        assertEquals(n(2), get(item("id", s("a"))).get("v"));
    }

    @Test
    void conditionalDeleteAndUpdate() {
        engine.putItem(PutItem.Request.of("Accounts", item("id", s("a"), "v", n(1))));
        rejected(
                ErrorType.CONDITIONAL_CHECK_FAILED,
                () -> engine.deleteItem(new DeleteItem.Request(
                        "Accounts",
                        item("id", s("a")),
                        null,
                        null,
                        null,
                        "v > :one",
                        null,
                        Map.of(":one", n(1)),
                        null)));
        engine.deleteItem(new DeleteItem.Request(
                "Accounts", item("id", s("a")), null, null, null, "v = :one", null, Map.of(":one", n(1)), null));
        assertNull(get(item("id", s("a"))));
        rejected(
                ErrorType.CONDITIONAL_CHECK_FAILED,
                () -> engine.updateItem(new UpdateItem.Request(
                        "Accounts",
                        item("id", s("a")),
                        null,
                        null,
                        null,
                        null,
                        "SET v = :one",
                        "attribute_exists(id)",
                        null,
                        Map.of(":one", n(1)),
                        null)));
        assertNull(get(item("id", s("a"))), "a failed conditional update creates nothing");
    }

    @Test
    void updateExpressionCreatesTheItemAndReturnsWhatWasAsked() {
        Map<String, AttributeValue> key = item("id", s("u"));
        UpdateItem.Response created = engine.updateItem(UpdateItem.Request.of(
                "Accounts",
                key,
                "SET #c = if_not_exists(#c, :zero) + :one, tags = :tags",
                Map.of("#c", "count"),
                Map.of(":zero", n(0), ":one", n(1), ":tags", new AttributeValue.L(List.of(s("x")))),
                "ALL_NEW"));
        assertEquals(
                item("id", s("u"), "count", n(1), "tags", new AttributeValue.L(List.of(s("x")))), created.attributes());
        UpdateItem.Response updatedOld = engine.updateItem(UpdateItem.Request.of(
                "Accounts",
                key,
                "SET #c = #c + :one REMOVE tags",
                Map.of("#c", "count"),
                Map.of(":one", n(1)),
                "UPDATED_OLD"));
        assertEquals(item("count", n(1), "tags", new AttributeValue.L(List.of(s("x")))), updatedOld.attributes());
        UpdateItem.Response updatedNew = engine.updateItem(UpdateItem.Request.of(
                "Accounts", key, "SET #c = #c + :one", Map.of("#c", "count"), Map.of(":one", n(1)), "UPDATED_NEW"));
        assertEquals(item("count", n(3)), updatedNew.attributes());
        assertEquals(
                item("id", s("u"), "count", n(3)),
                engine.updateItem(UpdateItem.Request.of("Accounts", key, "REMOVE absent", null, null, "ALL_OLD"))
                        .attributes());
    }

    @Test
    void invalidExpressionRequestsAreRejectedWithTheirReason() {
        Map<String, AttributeValue> key = item("id", s("u"));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.updateItem(UpdateItem.Request.of(
                                "Accounts", key, "SET id = :x", null, Map.of(":x", s("other")), null)))
                .getMessage()
                .contains("part of the key"));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.updateItem(UpdateItem.Request.of(
                                "Accounts", key, "SET v = :x", null, Map.of(":x", s("x"), ":unused", s("y")), null)))
                .getMessage()
                .contains("unused in expressions: keys: {:unused}"));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.updateItem(UpdateItem.Request.of(
                                "Accounts", key, "SET v = :x", Map.of("#unused", "v"), Map.of(":x", s("x")), null)))
                .getMessage()
                .contains("ExpressionAttributeNames unused in expressions: keys: {#unused}"));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.updateItem(new UpdateItem.Request(
                                "Accounts",
                                key,
                                Map.of("v", new AttributeValueUpdate(s("x"), "PUT")),
                                null,
                                null,
                                null,
                                "SET v = :x",
                                null,
                                null,
                                Map.of(":x", s("x")),
                                null)))
                .getMessage()
                .contains("Can not use both expression and non-expression"));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.getItem(new GetItem.Request("Accounts", key, null, List.of("v"), null, "v", null)))
                .getMessage()
                .contains("Non-expression parameters: {AttributesToGet}"));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.putItem(new PutItem.Request("Accounts", key, null, null, null, "v = ", null, null, null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.putItem(
                        new PutItem.Request("Accounts", key, null, null, null, null, null, null, "EVERYTHING")));
        assertNull(get(key), "nothing was written by any invalid request");
    }

    @Test
    void concurrentConditionalIncrementsLoseNoUpdate() throws Exception {
        engine.putItem(PutItem.Request.of("Accounts", item("id", s("counter"), "version", n(0))));
        int threads = 8;
        int increments = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int conflicts = 0;
                for (int i = 0; i < increments; i++) {
                    while (true) {
                        AttributeValue seen = get(item("id", s("counter"))).get("version");
                        long next =
                                Long.parseLong(((AttributeValue.N) seen).value().toString()) + 1;
                        try {
                            engine.updateItem(new UpdateItem.Request(
                                    "Accounts",
                                    item("id", s("counter")),
                                    null,
                                    null,
                                    null,
                                    null,
                                    "SET version = :next",
                                    "version = :seen",
                                    null,
                                    Map.of(":next", n(next), ":seen", seen),
                                    null));
                            break;
                        } catch (ConditionalCheckFailedException e) {
                            conflicts++;
                        }
                    }
                }
                return conflicts;
            }));
        }
        int conflicts = 0;
        for (Future<Integer> result : results) {
            conflicts += result.get();
        }
        pool.shutdown();
        assertEquals(n(threads * increments), get(item("id", s("counter"))).get("version"));
        assertTrue(conflicts > 0, "the threads did contend");
    }

    @Test
    void queryWithKeyConditionFilterAndProjectionExpressions() {
        for (int i = 0; i < 10; i++) {
            engine.putItem(PutItem.Request.of(
                    "Scores", item("game", s("chess"), "at", n(i), "score", n(i * 10), "player", s("p" + (i % 3)))));
        }
        engine.putItem(PutItem.Request.of("Scores", item("game", s("go"), "at", n(1), "score", n(5))));
        ItemPage page = engine.query(new Query.Request(
                "Scores",
                null,
                false,
                6,
                null,
                null,
                null,
                null,
                null,
                "game = :g AND #at BETWEEN :from AND :to",
                "score >= :min",
                "player, score",
                Map.of("#at", "at"),
                Map.of(":g", s("chess"), ":from", n(2), ":to", n(8), ":min", n(50))));
        assertEquals(6, page.scannedCount(), "Limit counts items read before the filter");
        assertEquals(4, page.count(), "scores 80, 70, 60, 50 of ats 8..3");
        assertEquals(
                List.of(n(80), n(70), n(60), n(50)),
                page.items().stream().map(i -> i.get("score")).toList());
        assertEquals(java.util.Set.of("player", "score"), page.items().get(0).keySet());
        assertEquals(item("game", s("chess"), "at", n(3)), page.lastEvaluatedKey());
        assertEquals(
                1,
                engine.query(Query.Request.of(
                                "Scores",
                                "game = :g AND #at <= :a",
                                Map.of("#at", "at"),
                                Map.of(":g", s("go"), ":a", n(1))))
                        .count());
        rejected(
                ErrorType.VALIDATION,
                () -> engine.query(Query.Request.of(
                        "Scores",
                        "game = :g AND begins_with(#at, :p)",
                        Map.of("#at", "at"),
                        Map.of(":g", s("go"), ":p", s("1")))));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.query(Query.Request.of(
                                "Scores",
                                "game = :g OR #at = :a",
                                Map.of("#at", "at"),
                                Map.of(":g", s("go"), ":a", n(1)))))
                .getMessage()
                .contains("KeyConditionExpression"));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.query(new Query.Request(
                        "Scores",
                        Map.of("game", new Condition(List.of(s("go")), "EQ")),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "game = :g",
                        null,
                        null,
                        null,
                        Map.of(":g", s("go")))));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.query(new Query.Request(
                                "Scores",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "game = :g",
                                "#at > :a",
                                null,
                                Map.of("#at", "at"),
                                Map.of(":g", s("go"), ":a", n(0)))))
                .getMessage()
                .contains("Primary key attribute: at"));
    }

    @Test
    void scanFilterAndBatchGetProjection() {
        for (int i = 0; i < 20; i++) {
            engine.putItem(PutItem.Request.of(
                    "Accounts",
                    item(
                            "id",
                            s("a" + i),
                            "balance",
                            n(i),
                            "meta",
                            new AttributeValue.M(Map.of("tier", s(i % 2 == 0 ? "gold" : "basic"), "x", n(i))))));
        }
        ItemPage gold = engine.scan(new Scan.Request(
                "Accounts",
                null,
                null,
                "COUNT",
                null,
                null,
                null,
                null,
                null,
                "meta.tier = :gold AND balance > :five",
                null,
                null,
                Map.of(":gold", s("gold"), ":five", n(5))));
        assertEquals(7, gold.count(), "even balances 6..18");
        assertEquals(20, gold.scannedCount());
        BatchGetItem.Response batch = engine.batchGetItem(BatchGetItem.Request.of(Map.of(
                "Accounts",
                new KeysAndAttributes(
                        List.of(item("id", s("a1")), item("id", s("a2"))),
                        null,
                        null,
                        "meta.#t",
                        Map.of("#t", "tier")))));
        assertEquals(
                java.util.Set.of(
                        item("meta", new AttributeValue.M(Map.of("tier", s("basic")))),
                        item("meta", new AttributeValue.M(Map.of("tier", s("gold"))))),
                new java.util.HashSet<>(batch.responses().get("Accounts")));
    }
}
