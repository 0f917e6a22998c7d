package io.shardline.engine.index;

import static io.shardline.engine.testing.IndexConsistency.assertIndexesMatchTable;
import static io.shardline.engine.testing.IndexConsistency.scanAll;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GlobalSecondaryIndex;
import io.shardline.engine.api.GlobalSecondaryIndexUpdate;
import io.shardline.engine.api.IndexProjection;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.LocalSecondaryIndex;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.SecondaryIndexDescription;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.TableDescription;
import io.shardline.engine.api.Tag;
import io.shardline.engine.api.TimeToLiveSpecification;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.Partitions;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.AttributeValue;
import io.shardline.items.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SecondaryIndexTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
    private final Engine engine =
            Engine.open(EngineConfig.inMemory().withClock(clock).withMaintenanceInterval(Duration.ofHours(1)));

    @AfterEach
    void close() {
        engine.close();
    }

    private static List<KeySchemaElement> keys(String hash, String range) {
        return range == null
                ? List.of(new KeySchemaElement(hash, "HASH"))
                : List.of(new KeySchemaElement(hash, "HASH"), new KeySchemaElement(range, "RANGE"));
    }

    private static GlobalSecondaryIndex gsi(
            String name, String hash, String range, String projection, String... nonKey) {
        return new GlobalSecondaryIndex(
                name,
                keys(hash, range),
                new IndexProjection(projection, nonKey.length == 0 ? null : List.of(nonKey)),
                null);
    }

    /**
     * Orders(customer, orderId) with byStatus(orderStatus, amount) INCLUDE product, byRegion(shipRegion)
     * KEYS_ONLY, and the local index byDate(customer, placedOn) KEYS_ONLY; its stream carries NEW_IMAGE.
     */
    private CreateTable.Request orders(int partitions) {
        return new CreateTable.Request(
                "Orders",
                List.of(
                        new AttributeDefinition("customer", "S"), new AttributeDefinition("orderId", "S"),
                        new AttributeDefinition("orderStatus", "S"), new AttributeDefinition("amount", "N"),
                        new AttributeDefinition("shipRegion", "S"), new AttributeDefinition("placedOn", "S")),
                keys("customer", "orderId"),
                "PAY_PER_REQUEST",
                null,
                List.of(new Tag("shardline:partitions", Integer.toString(partitions))),
                new StreamSpecification(true, "NEW_IMAGE"),
                List.of(
                        gsi("byStatus", "orderStatus", "amount", "INCLUDE", "product"),
                        gsi("byRegion", "shipRegion", null, "KEYS_ONLY")),
                List.of(new LocalSecondaryIndex(
                        "byDate", keys("customer", "placedOn"), new IndexProjection("KEYS_ONLY", null))));
    }

    private void put(Map<String, AttributeValue> item) {
        engine.putItem(PutItem.Request.of("Orders", item));
    }

    private static Map<String, AttributeValue> order(
            String customer, String id, String status, long total, String region, String date) {
        Map<String, AttributeValue> item = item(
                "customer", s(customer), "orderId", s(id), "product", s("thing-" + id), "note", s("note of " + id));
        if (status != null) {
            item.put("orderStatus", s(status));
            item.put("amount", n(total));
        }
        if (region != null) {
            item.put("shipRegion", s(region));
        }
        if (date != null) {
            item.put("placedOn", s(date));
        }
        return item;
    }

    private ItemPage query(
            String index,
            String expression,
            Map<String, AttributeValue> values,
            Boolean forward,
            Integer limit,
            Map<String, AttributeValue> start,
            String select,
            String projection) {
        return engine.query(new Query.Request(
                "Orders",
                null,
                forward,
                limit,
                start,
                select,
                null,
                null,
                null,
                expression,
                null,
                projection,
                null,
                values,
                index));
    }

    private static List<String> ids(ItemPage page) {
        return page.items().stream()
                .map(i -> ((AttributeValue.S) i.get("orderId")).value())
                .toList();
    }

    @Test
    void createTableWithIndexesDescribesEachWithItsCountsAndArn() {
        TableDescription created = engine.createTable(orders(2)).tableDescription();
        assertThat(created.globalSecondaryIndexes())
                .extracting(SecondaryIndexDescription::indexName)
                .containsExactly("byStatus", "byRegion");
        assertThat(created.localSecondaryIndexes())
                .extracting(SecondaryIndexDescription::indexName)
                .containsExactly("byDate");
        put(order("c1", "o1", "OPEN", 10, "eu", "2026-01-01"));
        put(order("c1", "o2", "OPEN", 20, null, null));
        TableDescription described =
                engine.describeTable(new DescribeTable.Request("Orders")).table();
        SecondaryIndexDescription byStatus = described.globalSecondaryIndexes().get(0);
        assertThat(byStatus.indexStatus()).isEqualTo("ACTIVE");
        assertThat(byStatus.itemCount()).isEqualTo(2L);
        assertThat(byStatus.indexSizeBytes()).isPositive();
        assertThat(byStatus.indexArn()).isEqualTo(described.tableArn() + "/index/byStatus");
        assertThat(byStatus.projection()).isEqualTo(new IndexProjection("INCLUDE", List.of("product")));
        assertThat(described.globalSecondaryIndexes().get(1).itemCount())
                .as("sparse: only o1 has a region")
                .isEqualTo(1L);
        SecondaryIndexDescription byDate = described.localSecondaryIndexes().get(0);
        assertThat(byDate.indexStatus()).as("local indexes report no status").isNull();
        assertThat(byDate.itemCount()).isEqualTo(1L);
    }

    @Test
    void queryOnAGlobalIndexUsesItsKeysInSortOrderWithPagingAndFilters() {
        engine.createTable(orders(4));
        for (int i = 0; i < 30; i++) {
            put(order("c" + (i % 7), "o" + i, i % 3 == 0 ? "SHIPPED" : "OPEN", 100 - i, "eu", "d"));
        }
        List<String> expectedOrder = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            if (i % 3 != 0) {
                expectedOrder.add("o" + i);
            }
        }
        assertThat(ids(query("byStatus", "orderStatus = :s", Map.of(":s", s("OPEN")), null, null, null, null, null)))
                .as("ascending total")
                .containsExactlyElementsOf(expectedOrder);
        ItemPage between = query(
                "byStatus",
                "orderStatus = :s AND amount BETWEEN :lo AND :hi",
                Map.of(":s", s("OPEN"), ":lo", n(80), ":hi", n(90)),
                false,
                null,
                null,
                null,
                null);
        assertThat(ids(between)).containsExactly("o10", "o11", "o13", "o14", "o16", "o17", "o19", "o20");
        List<String> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ItemPage page = query(
                    "byStatus",
                    "orderStatus = :s AND amount < :t",
                    Map.of(":s", s("OPEN"), ":t", n(95)),
                    null,
                    4,
                    start,
                    null,
                    null);
            paged.addAll(ids(page));
            start = page.lastEvaluatedKey();
            if (start != null) {
                assertThat(start.keySet()).containsExactlyInAnyOrder("customer", "orderId", "orderStatus", "amount");
            }
        } while (start != null);
        assertThat(paged).containsExactlyElementsOf(expectedOrder.subList(0, expectedOrder.size() - 4));
        assertThat(query("byStatus", "orderStatus = :s", Map.of(":s", s("OPEN")), null, null, null, "COUNT", null)
                        .count())
                .isEqualTo(20);
        ItemPage projected = query(
                "byStatus",
                "orderStatus = :s AND amount >= :t",
                Map.of(":s", s("SHIPPED"), ":t", n(97)),
                null,
                null,
                null,
                null,
                "orderId, note");
        assertThat(projected.items())
                .as("a global index returns only what it projects")
                .containsExactly(item("orderId", s("o3")), item("orderId", s("o0")));
        assertThat(projected.items()).allSatisfy(i -> assertThat(i).doesNotContainKey("note"));
    }

    @Test
    void sortKeysThatArePrefixesOfOneAnotherKeepDynamoDbOrder() {
        engine.createTable(new CreateTable.Request(
                "Words",
                List.of(
                        new AttributeDefinition("id", "S"),
                        new AttributeDefinition("g", "S"),
                        new AttributeDefinition("w", "S")),
                keys("id", null),
                "PAY_PER_REQUEST",
                null,
                null,
                null,
                List.of(gsi("byWord", "g", "w", "ALL")),
                null));
        List<String> words = List.of("a", "a\u0000", "a\u0000b", "ab", "abc", "b", "\u0000");
        for (int i = 0; i < words.size(); i++) {
            engine.putItem(PutItem.Request.of("Words", item("id", s("i" + i), "g", s("g"), "w", s(words.get(i)))));
        }
        ItemPage all = engine.query(new Query.Request(
                "Words",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "g = :g",
                null,
                null,
                null,
                Map.of(":g", s("g")),
                "byWord"));
        assertThat(all.items())
                .extracting(i -> ((AttributeValue.S) i.get("w")).value())
                .containsExactly("\u0000", "a", "a\u0000", "a\u0000b", "ab", "abc", "b");
        ItemPage beginsA = engine.query(new Query.Request(
                "Words",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "g = :g AND begins_with(w, :p)",
                null,
                null,
                null,
                Map.of(":g", s("g"), ":p", s("a\u0000")),
                "byWord"));
        assertThat(beginsA.items())
                .extracting(i -> ((AttributeValue.S) i.get("w")).value())
                .containsExactly("a\u0000", "a\u0000b");
        ItemPage greater = engine.query(new Query.Request(
                "Words",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "g = :g AND w > :p",
                null,
                null,
                null,
                Map.of(":g", s("g"), ":p", s("a")),
                "byWord"));
        assertThat(greater.items())
                .extracting(i -> ((AttributeValue.S) i.get("w")).value())
                .containsExactly("a\u0000", "a\u0000b", "ab", "abc", "b");
        ItemPage upTo = engine.query(new Query.Request(
                "Words",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "g = :g AND w <= :p",
                null,
                null,
                null,
                Map.of(":g", s("g"), ":p", s("a\u0000")),
                "byWord"));
        assertThat(upTo.items())
                .extracting(i -> ((AttributeValue.S) i.get("w")).value())
                .containsExactly("\u0000", "a", "a\u0000");
    }

    @Test
    void itemsMoveInAndOutOfIndexesAsTheirIndexKeysChange() {
        engine.createTable(orders(2));
        put(order("c1", "o1", "OPEN", 5, "eu", "2026-01-01"));
        engine.updateItem(UpdateItem.Request.of(
                "Orders",
                item("customer", s("c1"), "orderId", s("o1")),
                "SET #s = :s REMOVE shipRegion",
                Map.of("#s", "orderStatus"),
                Map.of(":s", s("SHIPPED")),
                null));
        assertThat(ids(query("byStatus", "orderStatus = :s", Map.of(":s", s("OPEN")), null, null, null, null, null)))
                .isEmpty();
        assertThat(ids(query("byStatus", "orderStatus = :s", Map.of(":s", s("SHIPPED")), null, null, null, null, null)))
                .containsExactly("o1");
        assertThat(scanAll(engine, "Orders", "byRegion"))
                .as("removing the index key leaves the index")
                .isEmpty();
        engine.deleteItem(DeleteItem.Request.of("Orders", item("customer", s("c1"), "orderId", s("o1"))));
        assertThat(scanAll(engine, "Orders", "byStatus")).isEmpty();
        assertThat(scanAll(engine, "Orders", "byDate")).isEmpty();
        assertIndexesMatchTable(engine, "Orders");
    }

    @Test
    void localIndexReadsAttributesItDoesNotProjectFromTheTable() {
        engine.createTable(orders(1));
        put(order("c1", "o1", "OPEN", 5, null, "2026-03-01"));
        put(order("c1", "o2", "OPEN", 6, null, "2026-01-01"));
        put(order("c2", "o3", "OPEN", 7, null, "2026-02-01"));
        ItemPage keysOnly = query("byDate", "customer = :c", Map.of(":c", s("c1")), null, null, null, null, null);
        assertThat(keysOnly.items())
                .containsExactly(
                        item("customer", s("c1"), "orderId", s("o2"), "placedOn", s("2026-01-01")),
                        item("customer", s("c1"), "orderId", s("o1"), "placedOn", s("2026-03-01")));
        ItemPage all = query(
                "byDate",
                "customer = :c AND placedOn > :d",
                Map.of(":c", s("c1"), ":d", s("2026-02-01")),
                null,
                null,
                null,
                "ALL_ATTRIBUTES",
                null);
        assertThat(all.items()).containsExactly(order("c1", "o1", "OPEN", 5, null, "2026-03-01"));
        ItemPage note = query("byDate", "customer = :c", Map.of(":c", s("c1")), null, null, null, null, "note");
        assertThat(note.items()).containsExactly(item("note", s("note of o2")), item("note", s("note of o1")));
    }

    @Test
    void parallelScanOfAnIndexCoversEveryEntryOnce() {
        engine.createTable(orders(4));
        for (int i = 0; i < 200; i++) {
            put(order("c" + i, "o" + i, "S" + (i % 9), i, "r" + (i % 4), null));
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            Map<String, AttributeValue> start = null;
            do {
                ItemPage page = engine.scan(new Scan.Request(
                        "Orders", 17, start, null, segment, 3, null, null, null, null, null, null, null, "byRegion"));
                for (Map<String, AttributeValue> entry : page.items()) {
                    seen.add(((AttributeValue.S) entry.get("orderId")).value());
                    total++;
                }
                start = page.lastEvaluatedKey();
            } while (start != null);
        }
        assertThat(total).isEqualTo(200);
        assertThat(seen).hasSize(200);
        assertThat(engine.scan(new Scan.Request(
                                "Orders",
                                null,
                                null,
                                "COUNT",
                                null,
                                null,
                                null,
                                null,
                                null,
                                "#r = :r",
                                null,
                                Map.of("#r", "shipRegion"),
                                Map.of(":r", s("r1")),
                                "byRegion"))
                        .count())
                .isEqualTo(50);
    }

    @Test
    void badRequestsGetDynamoDbErrors() {
        engine.createTable(orders(1));
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> query("nope", "customer = :c", Map.of(":c", s("c")), null, null, null, null, null)))
                .hasMessageContaining("does not have the specified index: nope");
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.query(new Query.Request(
                                "Orders",
                                null,
                                null,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null,
                                "orderStatus = :s",
                                null,
                                null,
                                null,
                                Map.of(":s", s("x")),
                                "byStatus"))))
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> query(
                                "byStatus",
                                "orderStatus = :s",
                                Map.of(":s", s("x")),
                                null,
                                null,
                                null,
                                "ALL_ATTRIBUTES",
                                null)))
                .hasMessageContaining("ALL_ATTRIBUTES");
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> put(item("customer", s("c"), "orderId", s("o"), "orderStatus", n(3), "amount", n(1)))))
                .hasMessageContaining("Type mismatch for Index Key orderStatus")
                .hasMessageContaining("byStatus");
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> put(item("customer", s("c"), "orderId", s("o"), "shipRegion", s("")))))
                .hasMessageContaining("IndexName: byRegion");
        assertThat(scanAll(engine, "Orders", null))
                .as("refused writes wrote nothing")
                .isEmpty();
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.createTable(new CreateTable.Request(
                                "NoSort",
                                List.of(new AttributeDefinition("id", "S"), new AttributeDefinition("d", "S")),
                                keys("id", null),
                                "PAY_PER_REQUEST",
                                null,
                                null,
                                null,
                                null,
                                List.of(new LocalSecondaryIndex(
                                        "byD", keys("id", "d"), new IndexProjection("ALL", null)))))))
                .hasMessageContaining("does not have a range key");
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.createTable(new CreateTable.Request(
                                "Undefined",
                                List.of(new AttributeDefinition("id", "S")),
                                keys("id", null),
                                "PAY_PER_REQUEST",
                                null,
                                null,
                                null,
                                List.of(gsi("byX", "x", null, "ALL")),
                                null))))
                .hasMessageContaining("not defined in AttributeDefinitions");
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.createTable(new CreateTable.Request(
                                "Unused",
                                List.of(new AttributeDefinition("id", "S"), new AttributeDefinition("x", "S")),
                                keys("id", null),
                                "PAY_PER_REQUEST",
                                null,
                                null,
                                null))))
                .hasMessageContaining("Some AttributeDefinitions are not used");
        List<GlobalSecondaryIndex> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(gsi("index" + i, "id", null, "KEYS_ONLY"));
        }
        assertThat(rejected(
                        ErrorType.VALIDATION,
                        () -> engine.createTable(new CreateTable.Request(
                                "Many",
                                List.of(new AttributeDefinition("id", "S")),
                                keys("id", null),
                                "PAY_PER_REQUEST",
                                null,
                                null,
                                null,
                                tooMany,
                                null))))
                .hasMessageContaining("limit of 20");
    }

    @Test
    void indexMaintenanceWritesNoStreamRecords() {
        String arn = engine.createTable(orders(1)).tableDescription().latestStreamArn();
        put(order("c1", "o1", "OPEN", 1, "eu", "d"));
        engine.updateItem(UpdateItem.Request.of(
                "Orders",
                item("customer", s("c1"), "orderId", s("o1")),
                "SET #s = :s",
                Map.of("#s", "orderStatus"),
                Map.of(":s", s("DONE")),
                null));
        engine.deleteItem(DeleteItem.Request.of("Orders", item("customer", s("c1"), "orderId", s("o1"))));
        List<GetRecords.ChangeRecord> records = StreamReading.readAll(engine, arn);
        assertThat(records)
                .extracting(GetRecords.ChangeRecord::eventName)
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(records)
                .allSatisfy(
                        r -> assertThat(r.dynamodb().keys().keySet()).containsExactlyInAnyOrder("customer", "orderId"));
    }

    @Test
    void aGlobalIndexAddedToATableIsBackfilledWhileWritesGoOnThenDeleted() throws Exception {
        engine.createTable(orders(4));
        for (int i = 0; i < 3000; i++) {
            put(order("c" + (i % 50), "o" + i, null, 0, null, null));
        }
        ExecutorService writers = Executors.newSingleThreadExecutor();
        Future<?> writing = writers.submit(() -> {
            for (int i = 0; i < 600; i++) {
                Map<String, AttributeValue> changed = order("c" + (i % 50), "o" + (i * 5), null, 0, null, null);
                changed.put("buyer", s("u" + (i % 13)));
                put(changed);
            }
        });
        TableDescription updating = engine.updateTable(new UpdateTable.Request(
                        "Orders",
                        List.of(new AttributeDefinition("buyer", "S")),
                        null,
                        null,
                        null,
                        List.of(new GlobalSecondaryIndexUpdate(gsi("byOwner", "buyer", null, "ALL"), null, null))))
                .tableDescription();
        assertThat(updating.globalSecondaryIndexes())
                .extracting(SecondaryIndexDescription::indexName)
                .contains("byOwner");
        writing.get(60, TimeUnit.SECONDS);
        writers.shutdown();
        for (int i = 0; i < 3000; i += 7) {
            Map<String, AttributeValue> changed = order("c" + (i % 50), "o" + i, null, 0, null, null);
            changed.put("buyer", s("late" + (i % 3)));
            put(changed);
        }
        awaitActive("byOwner");
        int entries = assertIndexesMatchTable(engine, "Orders");
        assertThat(scanAll(engine, "Orders", "byOwner")).hasSizeGreaterThan(600);
        assertThat(entries).isPositive();
        engine.updateTable(new UpdateTable.Request(
                "Orders",
                null,
                null,
                null,
                null,
                List.of(new GlobalSecondaryIndexUpdate(null, null, new GlobalSecondaryIndexUpdate.Delete("byOwner")))));
        TableDescription after =
                engine.describeTable(new DescribeTable.Request("Orders")).table();
        assertThat(after.globalSecondaryIndexes())
                .extracting(SecondaryIndexDescription::indexName)
                .containsExactly("byStatus", "byRegion");
        assertThat(after.attributeDefinitions())
                .extracting(AttributeDefinition::attributeName)
                .doesNotContain("buyer");
        assertThat(rejected(ErrorType.VALIDATION, () -> scanAll(engine, "Orders", "byOwner")))
                .hasMessageContaining("byOwner");
        put(order("c1", "after-delete", null, 0, null, null));
        assertIndexesMatchTable(engine, "Orders");
    }

    private void awaitActive(String indexName) throws InterruptedException {
        Await.until(
                Duration.ofSeconds(60),
                () -> {
                    SecondaryIndexDescription index = engine
                            .describeTable(new DescribeTable.Request("Orders"))
                            .table()
                            .globalSecondaryIndexes()
                            .stream()
                            .filter(i -> i.indexName().equals(indexName))
                            .findFirst()
                            .orElseThrow();
                    if (index.indexStatus().equals("ACTIVE")) {
                        assertThat(index.backfilling()).isNull();
                        return true;
                    }
                    assertThat(index.indexStatus()).isEqualTo("CREATING");
                    assertThat(index.backfilling()).isTrue();
                    return false;
                },
                "index " + indexName + " becoming ACTIVE");
    }

    @Test
    void indexesStayRightUnderConcurrentWritesSplitsAndTtlDeletes() throws Exception {
        engine.createTable(orders(2));
        engine.updateTimeToLive(new UpdateTimeToLive.Request("Orders", new TimeToLiveSpecification(true, "expires")));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < 1500; i++) {
                    String customer = "c" + random.nextInt(40);
                    String id = "o" + random.nextInt(60);
                    Map<String, AttributeValue> key = item("customer", s(customer), "orderId", s(id));
                    switch (random.nextInt(5)) {
                        case 0 -> engine.deleteItem(DeleteItem.Request.of("Orders", key));
                        case 1 ->
                            engine.updateItem(UpdateItem.Request.of(
                                    "Orders",
                                    key,
                                    "SET #s = :s, amount = :t",
                                    Map.of("#s", "orderStatus"),
                                    Map.of(":s", s("S" + random.nextInt(4)), ":t", n(random.nextInt(100))),
                                    null));
                        case 2 ->
                            engine.updateItem(UpdateItem.Request.of(
                                    "Orders", key, "REMOVE #s, shipRegion", Map.of("#s", "orderStatus"), null, null));
                        default -> {
                            Map<String, AttributeValue> item = order(
                                    customer,
                                    id,
                                    random.nextBoolean() ? "S" + random.nextInt(4) : null,
                                    random.nextInt(100),
                                    random.nextBoolean() ? "r" + random.nextInt(3) : null,
                                    random.nextBoolean() ? "2026-0" + (1 + random.nextInt(9)) : null);
                            if (random.nextInt(4) == 0) {
                                item.put("expires", n(clock.millis() / 1000 - 1));
                            }
                            put(item);
                        }
                    }
                }
            }));
        }
        for (int split = 0; split < 4; split++) {
            Partitions.splitWidest(engine, "Orders");
            engine.runMaintenance();
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        clock.advance(Duration.ofSeconds(5));
        for (int round = 0; round < 20 && hasExpiredItems(); round++) {
            engine.runMaintenance();
        }
        assertThat(hasExpiredItems())
                .as("the TTL sweeper deleted every expired item")
                .isFalse();
        assertThat(assertIndexesMatchTable(engine, "Orders")).isPositive();
    }

    private boolean hasExpiredItems() {
        return scanAll(engine, "Orders", null).stream().anyMatch(i -> i.containsKey("expires"));
    }
}
