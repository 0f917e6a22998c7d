package io.shardline.engine.item;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.items.testing.ItemValues.b;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.Condition;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryAndScanTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    private static Condition cond(String operator, AttributeValue... values) {
        return new Condition(List.of(values), operator);
    }

    private ItemPage query(
            String table,
            String pk,
            Condition sortCondition,
            boolean forward,
            Integer limit,
            Map<String, AttributeValue> start) {
        Map<String, Condition> conditions = sortCondition == null
                ? Map.of("pk", cond("EQ", s(pk)))
                : Map.of("pk", cond("EQ", s(pk)), "sk", sortCondition);
        return engine.query(new Query.Request(
                table, conditions, forward, limit, start, null, null, null, null, null, null, null, null, null));
    }

    private static List<AttributeValue> sortKeys(ItemPage page) {
        return page.items().stream().map(i -> i.get("sk")).toList();
    }

    @Test
    void numberSortKeysOrderNumerically() {
        createTable(engine, "Nums", 2, "pk:S", "sk:N");
        List<String> values = List.of("-1000", "-2.5", "-2", "-0.001", "0", "0.5", "2", "10", "99.9", "100", "1E20");
        List<String> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, new Random(3));
        for (String v : shuffled) {
            engine.putItem(PutItem.Request.of("Nums", item("pk", s("p"), "sk", n(v))));
        }
        engine.putItem(PutItem.Request.of("Nums", item("pk", s("other"), "sk", n(5))));
        List<AttributeValue> expected = values.stream().map(v -> n(v)).toList();
        assertEquals(expected, sortKeys(query("Nums", "p", null, true, null, null)));
        List<AttributeValue> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, sortKeys(query("Nums", "p", null, false, null, null)));
    }

    @Test
    void stringSortKeysOrderByUtf8BytesAndBinaryBytewise() {
        createTable(engine, "Strs", 1, "pk:S", "sk:S");
        List<String> strings = List.of("A", "Z", "a", "z", "é", "\uFFFD", "\uD83D\uDE00");
        for (String v : strings) {
            engine.putItem(PutItem.Request.of("Strs", item("pk", s("p"), "sk", s(v))));
        }
        List<String> byUtf8 = new ArrayList<>(strings);
        byUtf8.sort((x, y) ->
                Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                byUtf8.stream().map(v -> s(v)).toList(),
                sortKeys(query("Strs", "p", null, true, null, null)),
                "supplementary characters sort after U+FFFD by UTF-8, unlike UTF-16 order");

        createTable(engine, "Bins", 1, "pk:S", "sk:B");
        byte[][] bins = {{(byte) 0x80}, {0x01}, {0x7F}, {(byte) 0xFF}, {0x01, 0x00}, {0x00}};
        for (byte[] v : bins) {
            engine.putItem(PutItem.Request.of("Bins", item("pk", s("p"), "sk", b(v))));
        }
        assertEquals(
                List.of(
                        b((byte) 0x00),
                        b((byte) 0x01),
                        b((byte) 0x01, (byte) 0x00),
                        b((byte) 0x7F),
                        b((byte) 0x80),
                        b((byte) 0xFF)),
                sortKeys(query("Bins", "p", null, true, null, null)));
    }

    @Test
    void sortKeyConditionsSelectTheRightItems() {
        createTable(engine, "Conds", 2, "pk:S", "sk:N");
        createTable(engine, "Prefixes", 2, "pk:S", "sk:S");
        for (int i = -5; i <= 5; i++) {
            engine.putItem(PutItem.Request.of("Conds", item("pk", s("p"), "sk", n(i))));
        }
        for (String v : List.of("a", "ab", "abc", "abd", "b", "ba")) {
            engine.putItem(PutItem.Request.of("Prefixes", item("pk", s("p"), "sk", s(v))));
        }
        assertEquals(List.of(n(2)), sortKeys(query("Conds", "p", cond("EQ", n("2.0")), true, null, null)));
        assertEquals(List.of(n(-5), n(-4)), sortKeys(query("Conds", "p", cond("LT", n(-3)), true, null, null)));
        assertEquals(List.of(n(-5), n(-4), n(-3)), sortKeys(query("Conds", "p", cond("LE", n(-3)), true, null, null)));
        assertEquals(List.of(n(4), n(5)), sortKeys(query("Conds", "p", cond("GT", n(3)), true, null, null)));
        assertEquals(List.of(n(3), n(4), n(5)), sortKeys(query("Conds", "p", cond("GE", n("2.5")), true, null, null)));
        assertEquals(
                List.of(n(-1), n(0), n(1)),
                sortKeys(query("Conds", "p", cond("BETWEEN", n(-1), n(1)), true, null, null)));
        assertEquals(
                List.of(n(1), n(0), n(-1)),
                sortKeys(query("Conds", "p", cond("BETWEEN", n(-1), n(1)), false, null, null)));
        assertEquals(
                List.of(s("ab"), s("abc"), s("abd")),
                sortKeys(query("Prefixes", "p", cond("BEGINS_WITH", s("ab")), true, null, null)));
        assertEquals(
                List.of(s("b"), s("ba")), sortKeys(query("Prefixes", "p", cond("GT", s("abd")), true, null, null)));
        assertEquals(List.of(), sortKeys(query("Prefixes", "p", cond("EQ", s("c")), true, null, null)));
        assertEquals(List.of(), sortKeys(query("Prefixes", "nobody", null, true, null, null)));
    }

    @Test
    void invalidKeyConditionsAreRejected() {
        createTable(engine, "Conds", 2, "pk:S", "sk:N");
        assertThrows(DynamoException.class, () -> query("Conds", "p", cond("BETWEEN", n(3), n(1)), true, null, null));
        assertThrows(DynamoException.class, () -> query("Conds", "p", cond("BEGINS_WITH", n(3)), true, null, null));
        assertThrows(DynamoException.class, () -> query("Conds", "p", cond("EQ", s("x")), true, null, null));
        assertThrows(DynamoException.class, () -> query("Conds", "p", cond("NE", n(1)), true, null, null));
        assertThrows(DynamoException.class, () -> query("Conds", "p", cond("BETWEEN", n(1)), true, null, null));
        DynamoException missingPartition = assertThrows(
                DynamoException.class, () -> engine.query(Query.Request.of("Conds", Map.of("sk", cond("EQ", n(1))))));
        assertThat(missingPartition).hasMessageContaining("missed key schema element: pk");
        assertEquals(
                ErrorType.VALIDATION,
                assertThrows(DynamoException.class, () -> query("Conds", "p", null, true, 0, null))
                        .type());
    }

    @Test
    void queryPagesWithLimitAndExclusiveStartKeyInBothDirections() {
        createTable(engine, "Pages", 3, "pk:S", "sk:N");
        for (int i = 0; i < 23; i++) {
            engine.putItem(PutItem.Request.of("Pages", item("pk", s("p"), "sk", n(i))));
        }
        for (boolean forward : new boolean[] {true, false}) {
            List<AttributeValue> seen = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                ItemPage page = query("Pages", "p", null, forward, 5, start);
                assertTrue(page.count() <= 5);
                seen.addAll(sortKeys(page));
                start = page.lastEvaluatedKey();
                pages++;
            } while (start != null);
            assertEquals(5, pages);
            List<AttributeValue> expected = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                expected.add(n(forward ? i : 22 - i));
            }
            assertEquals(expected, seen);
        }
    }

    @Test
    void pagesStopAtOneMegabyte() {
        createTable(engine, "Big", 2, "pk:S", "sk:N");
        for (int i = 0; i < 30; i++) {
            engine.putItem(PutItem.Request.of(
                    "Big", item("pk", s("p"), "sk", n(i), "blob", s("x".repeat(100 * 1024)))));
        }
        ItemPage first = query("Big", "p", null, true, null, null);
        assertEquals(11, first.count(), "10 items are under 1 MB, the 11th passes it");
        assertNotNull(first.lastEvaluatedKey());
        ItemPage second = query("Big", "p", null, true, null, first.lastEvaluatedKey());
        ItemPage third = query("Big", "p", null, true, null, second.lastEvaluatedKey());
        assertEquals(30, first.count() + second.count() + third.count());
        assertNull(third.lastEvaluatedKey());
    }

    @Test
    void selectCountReturnsOnlyTheCount() {
        createTable(engine, "Counts", 2, "pk:S", "sk:N");
        for (int i = 0; i < 7; i++) {
            engine.putItem(PutItem.Request.of("Counts", item("pk", s("p"), "sk", n(i))));
        }
        ItemPage page = engine.query(new Query.Request(
                "Counts",
                Map.of("pk", cond("EQ", s("p"))),
                null,
                null,
                null,
                "COUNT",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        assertNull(page.items());
        assertEquals(7, page.count());
        ItemPage scanned = engine.scan(
                new Scan.Request("Counts", null, null, "COUNT", null, null, null, null, null, null, null, null, null));
        assertEquals(7, scanned.count());
        assertThrows(
                DynamoException.class,
                () -> engine.scan(new Scan.Request(
                        "Counts", null, null, "COUNT", null, null, null, List.of("pk"), null, null, null, null, null)));
    }

    @Test
    void pagedAndSegmentedScansReturnEveryItemExactlyOnce() {
        createTable(engine, "Everything", 5, "pk:S", "sk:N");
        Set<String> expected = new HashSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 600; i++) {
            String pk = "user-" + random.nextInt(200);
            int sk = random.nextInt(5);
            engine.putItem(PutItem.Request.of("Everything", item("pk", s(pk), "sk", n(sk))));
            expected.add(pk + "/" + sk);
        }
        for (int totalSegments : new int[] {1, 3, 7}) {
            List<String> seen = new ArrayList<>();
            for (int segment = 0; segment < totalSegments; segment++) {
                Map<String, AttributeValue> start = null;
                do {
                    ItemPage page = engine.scan(new Scan.Request(
                            "Everything",
                            17,
                            start,
                            null,
                            totalSegments == 1 ? null : segment,
                            totalSegments == 1 ? null : totalSegments,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
                    for (Map<String, AttributeValue> i : page.items()) {
                        seen.add(((AttributeValue.S) i.get("pk")).value() + "/"
                                + ((AttributeValue.N) i.get("sk")).value());
                    }
                    start = page.lastEvaluatedKey();
                } while (start != null);
            }
            assertEquals(expected.size(), seen.size(), "no duplicates with " + totalSegments + " segments");
            assertEquals(expected, new HashSet<>(seen));
        }
    }

    @Test
    void invalidSegmentsAreRejected() {
        createTable(engine, "Segs", 1, "pk:S");
        engine.putItem(PutItem.Request.of("Segs", item("pk", s("a"))));
        assertThrows(
                DynamoException.class,
                () -> engine.scan(
                        new Scan.Request("Segs", null, null, null, 3, 3, null, null, null, null, null, null, null)));
        assertThrows(
                DynamoException.class,
                () -> engine.scan(
                        new Scan.Request("Segs", null, null, null, 0, null, null, null, null, null, null, null, null)));
        assertThrows(
                DynamoException.class,
                () -> engine.scan(
                        new Scan.Request("Segs", null, null, null, -1, 2, null, null, null, null, null, null, null)));
        ItemPage all = engine.scan(Scan.Request.of("Segs"));
        assertEquals(
                Set.of("a"),
                all.items().stream()
                        .map(i -> ((AttributeValue.S) i.get("pk")).value())
                        .collect(Collectors.toSet()));
    }
}
