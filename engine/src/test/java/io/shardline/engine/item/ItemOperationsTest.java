package io.shardline.engine.item;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.b;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.engine.api.BatchGetItem;
import io.shardline.engine.api.BatchWriteItem;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.KeysAndAttributes;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.WriteRequest;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.DynamoNumber;
import io.shardline.items.ErrorType;
import io.shardline.items.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemOperationsTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory());

    @BeforeEach
    void tables() {
        createTable(engine, "Things", 4, "id:S");
        createTable(engine, "Events", 2, "pk:S", "sk:N");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return engine.getItem(GetItem.Request.of(table, key)).item();
    }

    @Test
    void putThenGetReturnsTheItemAndPutReplacesIt() {
        Map<String, AttributeValue> first =
                item("id", s("a"), "count", n("1.50"), "tags", AttributeValue.SS.of(List.of("x")));
        assertNull(engine.putItem(new PutItem.Request("Things", first, "ALL_OLD", null, null, null, null, null, null))
                .attributes());
        assertEquals(first, get("Things", item("id", s("a"))));
        Map<String, AttributeValue> second = item("id", s("a"), "other", new AttributeValue.BOOL(true));
        assertEquals(
                first,
                engine.putItem(new PutItem.Request("Things", second, "ALL_OLD", null, null, null, null, null, null))
                        .attributes());
        assertEquals(second, get("Things", item("id", s("a"))));
        assertEquals(n("1.5"), first.get("count"), "numbers compare normalised");
    }

    @Test
    void numberKeysMatchWhateverTheSpelling() {
        engine.putItem(PutItem.Request.of("Events", item("pk", s("p"), "sk", n("15E-1"), "v", s("x"))));
        assertEquals(s("x"), get("Events", item("pk", s("p"), "sk", n("1.50"))).get("v"));
    }

    @Test
    void deleteRemovesAndReturnsTheOldItem() {
        engine.putItem(PutItem.Request.of("Things", item("id", s("a"), "v", n(1))));
        DeleteItem.Response response = engine.deleteItem(
                new DeleteItem.Request("Things", item("id", s("a")), "ALL_OLD", null, null, null, null, null, null));
        assertEquals(item("id", s("a"), "v", n(1)), response.attributes());
        assertNull(get("Things", item("id", s("a"))));
        assertNull(
                engine.deleteItem(new DeleteItem.Request(
                                "Things", item("id", s("a")), "ALL_OLD", null, null, null, null, null, null))
                        .attributes(),
                "deleting a missing item is not an error");
    }

    @Test
    void returnValuesOtherThanAllOldAreRejectedForPutAndDelete() {
        rejected(
                ErrorType.VALIDATION,
                () -> engine.putItem(new PutItem.Request(
                        "Things", item("id", s("a")), "ALL_NEW", null, null, null, null, null, null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.deleteItem(new DeleteItem.Request(
                        "Things", item("id", s("a")), "UPDATED_OLD", null, null, null, null, null, null)));
        assertNull(get("Things", item("id", s("a"))), "nothing written");
    }

    @Test
    void keysAreCheckedAgainstTheSchema() {
        assertTrue(rejected(ErrorType.VALIDATION, () -> engine.putItem(PutItem.Request.of("Things", item("v", s("x")))))
                .getMessage()
                .contains("Missing the key id"));
        assertTrue(rejected(ErrorType.VALIDATION, () -> engine.putItem(PutItem.Request.of("Things", item("id", n(1)))))
                .getMessage()
                .contains("Type mismatch for key id expected: S actual: N"));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.getItem(GetItem.Request.of("Things", item("id", s("a"), "x", s("b")))));
        rejected(ErrorType.VALIDATION, () -> engine.getItem(GetItem.Request.of("Events", item("pk", s("a")))));
        rejected(ErrorType.RESOURCE_NOT_FOUND, () -> engine.putItem(PutItem.Request.of("Nope", item("id", s("a")))));
    }

    @Test
    void emptyStringsAndBinariesAreAllowedOutsideKeysOnly() {
        Map<String, AttributeValue> withEmpties = item("id", s("a"), "e", s(""), "eb", b());
        engine.putItem(PutItem.Request.of("Things", withEmpties));
        assertEquals(withEmpties, get("Things", item("id", s("a"))));
        assertTrue(rejected(ErrorType.VALIDATION, () -> engine.putItem(PutItem.Request.of("Things", item("id", s("")))))
                .getMessage()
                .contains("cannot contain an empty string value. Key: id"));
        rejected(ErrorType.VALIDATION, () -> engine.getItem(GetItem.Request.of("Things", item("id", s("")))));
    }

    @Test
    void keySizeLimitsAreEnforced() {
        engine.putItem(PutItem.Request.of("Things", item("id", s("k".repeat(2048)))));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.putItem(PutItem.Request.of("Things", item("id", s("k".repeat(2049))))))
                .getMessage()
                .contains("hashkey"));
        createTable(engine, "Sorted", 1, "pk:S", "sk:S");
        engine.putItem(PutItem.Request.of("Sorted", item("pk", s("p"), "sk", s("s".repeat(1024)))));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.putItem(
                                PutItem.Request.of("Sorted", item("pk", s("p"), "sk", s("s".repeat(1025))))))
                .getMessage()
                .contains("range keys"));
    }

    @Test
    void itemsUpTo400KbAreAcceptedAndLargerOnesRejected() {
        int overhead = (int) ItemSize.of(item("id", s("big"), "blob", s("")));
        Map<String, AttributeValue> largest = item("id", s("big"), "blob", s("x".repeat(400 * 1024 - overhead)));
        assertEquals(400 * 1024, ItemSize.of(largest));
        engine.putItem(PutItem.Request.of("Things", largest));
        assertEquals(largest, get("Things", item("id", s("big"))));
        Map<String, AttributeValue> tooLarge = item("id", s("big2"), "blob", s("x".repeat(400 * 1024 - overhead + 1)));
        assertEquals(
                "Item size has exceeded the maximum allowed size",
                rejected(ErrorType.VALIDATION, () -> engine.putItem(PutItem.Request.of("Things", tooLarge)))
                        .getMessage());
        assertNull(get("Things", item("id", s("big2"))));
    }

    @Test
    void updateWithAttributeUpdatesPutsAddsAndDeletes() {
        Map<String, AttributeValue> key = item("id", s("u"));
        Map<String, AttributeValueUpdate> create = new LinkedHashMap<>();
        create.put("name", new AttributeValueUpdate(s("first"), "PUT"));
        create.put("visits", new AttributeValueUpdate(n(2), "ADD"));
        create.put("tags", new AttributeValueUpdate(AttributeValue.SS.of(List.of("a", "b")), "ADD"));
        UpdateItem.Response created = engine.updateItem(UpdateItem.Request.of("Things", key, create, "ALL_NEW"));
        assertEquals(
                item("id", s("u"), "name", s("first"), "visits", n(2), "tags", AttributeValue.SS.of(List.of("a", "b"))),
                created.attributes(),
                "UpdateItem creates a missing item");

        Map<String, AttributeValueUpdate> change = new LinkedHashMap<>();
        change.put("visits", new AttributeValueUpdate(n("-0.5"), "ADD"));
        change.put("tags", new AttributeValueUpdate(AttributeValue.SS.of(List.of("a", "zz")), "DELETE"));
        change.put("name", new AttributeValueUpdate(null, "DELETE"));
        UpdateItem.Response old = engine.updateItem(UpdateItem.Request.of("Things", key, change, "UPDATED_OLD"));
        assertEquals(
                item("visits", n(2), "tags", AttributeValue.SS.of(List.of("a", "b")), "name", s("first")),
                old.attributes());
        assertEquals(
                item("id", s("u"), "visits", n("1.5"), "tags", AttributeValue.SS.of(List.of("b"))), get("Things", key));

        Map<String, AttributeValueUpdate> empty =
                Map.of("tags", new AttributeValueUpdate(AttributeValue.SS.of(List.of("b")), "DELETE"));
        assertNull(
                engine.updateItem(UpdateItem.Request.of("Things", key, empty, "UPDATED_NEW"))
                        .attributes(),
                "an emptied set disappears");
        assertEquals(item("id", s("u"), "visits", n("1.5")), get("Things", key));
    }

    @Test
    void invalidAttributeUpdatesChangeNothing() {
        Map<String, AttributeValue> key = item("id", s("u"));
        engine.putItem(PutItem.Request.of("Things", item("id", s("u"), "name", s("x"))));
        assertTrue(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.updateItem(UpdateItem.Request.of(
                                "Things", key, Map.of("id", new AttributeValueUpdate(s("other"), "PUT")), null)))
                .getMessage()
                .contains("This attribute is part of the key"));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateItem(UpdateItem.Request.of(
                        "Things", key, Map.of("name", new AttributeValueUpdate(s("y"), "ADD")), null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateItem(UpdateItem.Request.of(
                        "Things", key, Map.of("name", new AttributeValueUpdate(n(1), "ADD")), null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateItem(UpdateItem.Request.of(
                        "Things", key, Map.of("name", new AttributeValueUpdate(s("y"), "REPLACE")), null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateItem(UpdateItem.Request.of(
                        "Things", key, Map.of("name", new AttributeValueUpdate(s("y"), "PUT")), "EVERYTHING")));
        assertEquals(item("id", s("u"), "name", s("x")), get("Things", key));
    }

    @Test
    void concurrentIncrementsOfOneItemLoseNoUpdate() throws Exception {
        Map<String, AttributeValue> key = item("id", s("counter"));
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    engine.updateItem(UpdateItem.Request.of(
                            "Things", key, Map.of("n", new AttributeValueUpdate(n(1), "ADD")), null));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertEquals(n(threads * perThread), get("Things", key).get("n"));
    }

    @Test
    void batchWriteAppliesPutsAndDeletesAcrossTables() {
        engine.putItem(PutItem.Request.of("Things", item("id", s("old"))));
        Map<String, List<WriteRequest>> writes = new LinkedHashMap<>();
        List<WriteRequest> things = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            things.add(WriteRequest.put(item("id", s("t" + i), "i", n(i))));
        }
        things.add(WriteRequest.delete(item("id", s("old"))));
        writes.put("Things", things);
        writes.put(
                "Events",
                List.of(
                        WriteRequest.put(item("pk", s("p"), "sk", n(1))),
                        WriteRequest.put(item("pk", s("p"), "sk", n(2))),
                        WriteRequest.put(item("pk", s("q"), "sk", n(1))),
                        WriteRequest.put(item("pk", s("q"), "sk", n(2)))));
        assertEquals(
                Map.of(),
                engine.batchWriteItem(BatchWriteItem.Request.of(writes)).unprocessedItems());
        assertEquals(
                20L,
                engine.describeTable(new DescribeTable.Request("Things"))
                        .table()
                        .itemCount());
        assertEquals(
                4L,
                engine.describeTable(new DescribeTable.Request("Events"))
                        .table()
                        .itemCount());
        assertNull(get("Things", item("id", s("old"))));
        assertEquals(n(7), get("Things", item("id", s("t7"))).get("i"));
    }

    @Test
    void invalidBatchWritesAreRejectedWholeBeforeAnyWrite() {
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(WriteRequest.put(item("id", s("x" + i))));
        }
        rejected(
                ErrorType.VALIDATION,
                () -> engine.batchWriteItem(BatchWriteItem.Request.of(Map.of("Things", tooMany))));
        DynamoException duplicate = rejected(
                ErrorType.VALIDATION,
                () -> engine.batchWriteItem(BatchWriteItem.Request.of(Map.of(
                        "Things",
                        List.of(WriteRequest.put(item("id", s("d"))), WriteRequest.delete(item("id", s("d"))))))));
        assertThat(duplicate).hasMessageContaining("duplicates");
        rejected(
                ErrorType.VALIDATION,
                () -> engine.batchWriteItem(BatchWriteItem.Request.of(Map.of(
                        "Things",
                        List.of(WriteRequest.put(item("id", s("ok"))), WriteRequest.put(item("nokey", s("x"))))))));
        Map<String, List<WriteRequest>> withMissingTable = new LinkedHashMap<>();
        withMissingTable.put("Things", List.of(WriteRequest.put(item("id", s("ok")))));
        withMissingTable.put("Missing", List.of(WriteRequest.put(item("id", s("ok")))));
        rejected(
                ErrorType.RESOURCE_NOT_FOUND, () -> engine.batchWriteItem(BatchWriteItem.Request.of(withMissingTable)));
        assertEquals(
                0L,
                engine.describeTable(new DescribeTable.Request("Things"))
                        .table()
                        .itemCount());
        List<WriteRequest> oversized = List.of(
                WriteRequest.put(item("id", s("small"))),
                WriteRequest.put(item("id", s("big"), "blob", s("x".repeat(401 * 1024)))));
        assertEquals(
                "Item size has exceeded the maximum allowed size",
                rejected(
                                ErrorType.VALIDATION,
                                () -> engine.batchWriteItem(BatchWriteItem.Request.of(Map.of("Things", oversized))))
                        .getMessage());
        assertEquals(
                0L,
                engine.describeTable(new DescribeTable.Request("Things"))
                        .table()
                        .itemCount());
    }

    @Test
    void batchGetReadsUpToAHundredKeysWithProjection() {
        for (int i = 0; i < 100; i++) {
            engine.putItem(PutItem.Request.of("Things", item("id", s("k" + i), "a", n(i), "b", s("x"))));
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(item("id", s(i < 99 ? "k" + i : "absent")));
        }
        BatchGetItem.Response response = engine.batchGetItem(BatchGetItem.Request.of(
                Map.of("Things", new KeysAndAttributes(keys, true, List.of("id", "a"), null, null))));
        List<Map<String, AttributeValue>> found = response.responses().get("Things");
        assertEquals(99, found.size());
        assertTrue(found.stream().allMatch(i -> i.keySet().equals(Set.of("id", "a"))));
        assertEquals(Map.of(), response.unprocessedKeys());
        keys.add(item("id", s("one-more")));
        assertEquals(
                "Too many items requested for the BatchGetItem call",
                rejected(
                                ErrorType.VALIDATION,
                                () -> engine.batchGetItem(BatchGetItem.Request.of(
                                        Map.of("Things", new KeysAndAttributes(keys, null, null, null, null)))))
                        .getMessage());
        rejected(
                ErrorType.VALIDATION,
                () -> engine.batchGetItem(BatchGetItem.Request.of(Map.of(
                        "Things",
                        new KeysAndAttributes(
                                List.of(item("id", s("k1")), item("id", s("k1"))), null, null, null, null)))));
    }

    @Test
    void batchGetLeavesKeysBeyondSixteenMegabytesUnprocessed() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            engine.putItem(PutItem.Request.of("Things", item("id", s("big" + i), "blob", s("x".repeat(390 * 1024)))));
            keys.add(item("id", s("big" + i)));
        }
        BatchGetItem.Response response = engine.batchGetItem(
                BatchGetItem.Request.of(Map.of("Things", new KeysAndAttributes(keys, null, null, null, null))));
        int returned = response.responses().get("Things").size();
        List<Map<String, AttributeValue>> left =
                response.unprocessedKeys().get("Things").keys();
        assertTrue(returned >= 42 && returned < 50, "returned " + returned);
        assertEquals(50, returned + left.size());
        BatchGetItem.Response rest = engine.batchGetItem(
                BatchGetItem.Request.of(Map.of("Things", new KeysAndAttributes(left, null, null, null, null))));
        assertEquals(left.size(), rest.responses().get("Things").size());
    }

    @Test
    void getItemProjectsTopLevelAttributes() {
        engine.putItem(PutItem.Request.of("Things", item("id", s("p"), "a", n(1), "b", n(2))));
        assertEquals(
                item("b", n(2)),
                engine.getItem(new GetItem.Request(
                                "Things", item("id", s("p")), true, List.of("b", "missing"), null, null, null))
                        .item());
        assertEquals(
                DynamoNumber.of(2),
                ((AttributeValue.N) get("Things", item("id", s("p"))).get("b")).value());
    }
}
