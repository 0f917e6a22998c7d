package io.shardline.engine.partiql;

import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.BatchExecuteStatement;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.ExecuteStatement;
import io.shardline.engine.api.ExecuteTransaction;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.testing.Items;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.ErrorType;
import io.shardline.items.TransactionCanceledException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PartiQL statements as clients send them (read from their JSON): each runs as the item request it
 * stands for, reaches the stream like one, and what DynamoDB refuses is refused with its message.
 */
class PartiqlTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory());
    private String streamArn;

    @BeforeEach
    void tables() {
        streamArn = engine.createTable(
                        Items.tableWithStream("Orders", 2, "NEW_AND_OLD_IMAGES", "customer:S", "placed:N"))
                .tableDescription()
                .latestStreamArn();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void insertSelectUpdateAndDeleteRunAsItemRequestsAndReachTheStream() {
        run(
                "INSERT INTO \"Orders\" VALUE {'customer': 'ann', 'placed': 1, 'total': 12.5, 'lines': ['tea', 2], "
                        + "'tags': <<'gift', 'sale'>>, 'address': {'city': 'Oslo', 'zip': ?}}",
                s("0150"));
        assertEquals(
                item(
                        "customer",
                        s("ann"),
                        "placed",
                        n(1),
                        "total",
                        n("12.5"),
                        "lines",
                        new AttributeValue.L(List.of(s("tea"), n(2))),
                        "tags",
                        AttributeValue.SS.of(List.of("gift", "sale")),
                        "address",
                        new AttributeValue.M(Map.of("city", s("Oslo"), "zip", s("0150")))),
                order("ann", 1));
        assertEquals(
                List.of(item("total", n("12.5"), "address", new AttributeValue.M(Map.of("city", s("Oslo"))))),
                run("SELECT total, address.city FROM Orders WHERE customer = 'ann' AND placed = 1")
                        .items());
        run(
                "UPDATE \"Orders\" SET total = total + ? SET status = 'paid' REMOVE lines WHERE customer = 'ann' "
                        + "AND placed = 1 AND total > 10",
                n(5));
        assertThat(order("ann", 1))
                .containsEntry("total", n("17.5"))
                .containsEntry("status", s("paid"))
                .doesNotContainKey("lines");
        assertThrows(
                ConditionalCheckFailedException.class,
                () -> run("UPDATE Orders SET status = 'x' WHERE " + "customer = 'ann' AND placed = 1 AND total > 100"));
        assertThrows(
                ConditionalCheckFailedException.class,
                () -> run("UPDATE Orders SET status = 'x' WHERE " + "customer = 'nobody' AND placed = 1"),
                "an UPDATE changes an item that exists");
        run("DELETE FROM Orders WHERE customer = 'ann' AND placed = 1 AND status = 'paid'");
        assertNull(order("ann", 1));
        List<String> changes = new ArrayList<>();
        for (GetRecords.ChangeRecord record : StreamReading.readAll(engine, streamArn)) {
            changes.add(record.eventName());
        }
        assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), changes);
    }

    @Test
    void selectsReadByKeyByPartitionOrByScanAndPageWithNextToken() {
        for (int i = 0; i < 30; i++) {
            run("INSERT INTO Orders VALUE {'customer': ?, 'placed': ?, 'total': ?}", s("c" + (i % 3)), n(i), n(i * 10));
        }
        assertEquals(
                List.of(n(40), n(70), n(100)),
                totals(run("SELECT total FROM Orders WHERE customer = 'c1' " + "AND placed BETWEEN 4 AND 10")));
        assertEquals(
                List.of(n(70), n(100)),
                totals(run("SELECT total FROM Orders WHERE customer = 'c1' "
                        + "AND placed BETWEEN 4 AND 10 AND total >= 70")));
        assertEquals(List.of(n(280)), totals(run("SELECT total FROM Orders WHERE customer = 'c1' AND placed = 28")));
        assertThat(run("SELECT placed FROM Orders WHERE total > 255 OR placed = 0")
                        .items())
                .as("a scan whose filter has an OR")
                .extracting(found -> found.get("placed"))
                .containsExactlyInAnyOrder(n(0), n(26), n(27), n(28), n(29));
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ExecuteStatement.Response page = engine.executeStatement(new ExecuteStatement.Request(
                    "SELECT * FROM Orders WHERE total >= ?", List.of(n(0)), null, token, null, 7, null));
            all.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(30, all.size());
        assertThat(pages).as("pages of at most 7 items").isGreaterThanOrEqualTo(5);
    }

    @Test
    void insertOfAnExistingKeyIsADuplicateAndStatementsDynamoDbRefusesAreRefused() {
        run("INSERT INTO Orders VALUE {'customer': 'ann', 'placed': 1}");
        assertEquals(
                "Duplicate primary key exists in table",
                rejected(
                                ErrorType.DUPLICATE_ITEM,
                                () -> run("INSERT INTO Orders VALUE {'customer': 'ann', 'placed': 1, 'x': 1}"))
                        .getMessage());
        assertEquals(
                "Where clause does not contain a mandatory equality on all key attributes",
                rejected(ErrorType.VALIDATION, () -> run("DELETE FROM Orders WHERE customer = 'ann'"))
                        .getMessage());
        assertEquals(
                "Number of parameters in request and statement don't match.",
                rejected(ErrorType.VALIDATION, () -> run("SELECT * FROM Orders WHERE customer = ?"))
                        .getMessage());
        assertThat(rejected(ErrorType.VALIDATION, () -> run("SELEKT * FROM Orders"))
                        .getMessage())
                .startsWith("Statement wasn't well formed, can't be processed: ");
        assertThat(rejected(ErrorType.VALIDATION, () -> run("SELECT * FROM Orders WHERE customer = 'a"))
                        .getMessage())
                .contains("unterminated string");
        assertThat(rejected(
                                ErrorType.VALIDATION,
                                () -> run("UPDATE Orders SET n = 1 WHERE customer = 'ann' AND "
                                        + "placed = 1 RETURNING ALL NEW *"))
                        .getMessage())
                .startsWith("Unsupported operation: RETURNING");
        assertEquals(item("customer", s("ann"), "placed", n(1)), order("ann", 1), "nothing refused was written");
    }

    @Test
    void batchesAnswerEachStatementAndTransactionsApplyAllOrNothing() {
        BatchExecuteStatement.Response batch = engine.batchExecuteStatement(read(
                "{\"Statements\":["
                        + "{\"Statement\":\"INSERT INTO Orders VALUE {'customer': 'bob', 'placed': 1}\"},"
                        + "{\"Statement\":\"INSERT INTO Orders VALUE {'customer': 'bob', 'placed': 1}\"},"
                        + "{\"Statement\":\"UPDATE Orders SET n = 1 WHERE customer = ? AND placed = ?\","
                        + "\"Parameters\":[{\"S\":\"bob\"},{\"N\":\"1\"}]}]}",
                BatchExecuteStatement.Request.class));
        assertNull(batch.responses().get(0).error());
        assertEquals("DuplicateItem", batch.responses().get(1).error().code());
        assertNull(batch.responses().get(2).error());
        assertEquals(
                item("customer", s("bob"), "placed", n(1), "n", n(1)),
                engine.batchExecuteStatement(read(
                                "{\"Statements\":[{\"Statement\":\"SELECT * FROM Orders WHERE customer = 'bob' AND placed = 1\"}]}",
                                BatchExecuteStatement.Request.class))
                        .responses()
                        .get(0)
                        .item());

        assertThrows(
                TransactionCanceledException.class,
                () -> engine.executeTransaction(read(
                        "{\"TransactStatements\":[{\"Statement\":\"INSERT INTO Orders VALUE {'customer': 'cid', 'placed': 1}\"},"
                                + "{\"Statement\":\"UPDATE Orders SET n = 2 WHERE customer = 'bob' AND placed = 1 AND n = 9\"}]}",
                        ExecuteTransaction.Request.class)));
        assertNull(order("cid", 1), "nothing of a cancelled transaction is written");
        engine.executeTransaction(read(
                "{\"TransactStatements\":["
                        + "{\"Statement\":\"INSERT INTO Orders VALUE {'customer': 'cid', 'placed': 1}\"},"
                        + "{\"Statement\":\"UPDATE Orders SET n = 2 WHERE customer = 'bob' AND placed = 1 AND n = 1\"}]}",
                ExecuteTransaction.Request.class));
        ExecuteTransaction.Response reads = engine.executeTransaction(read(
                "{\"TransactStatements\":["
                        + "{\"Statement\":\"SELECT n FROM Orders WHERE customer = 'bob' AND placed = 1\"},"
                        + "{\"Statement\":\"SELECT * FROM Orders WHERE customer = 'cid' AND placed = 1\"}]}",
                ExecuteTransaction.Request.class));
        assertEquals(item("n", n(2)), reads.responses().get(0).item());
        assertEquals(
                item("customer", s("cid"), "placed", n(1)),
                reads.responses().get(1).item());
    }

    private static List<AttributeValue> totals(ExecuteStatement.Response response) {
        return response.items().stream().map(found -> found.get("total")).toList();
    }

    private ExecuteStatement.Response run(String statement, AttributeValue... parameters) {
        return engine.executeStatement(ExecuteStatement.Request.of(statement, List.of(parameters)));
    }

    private Map<String, AttributeValue> order(String customer, int placed) {
        return engine.getItem(GetItem.Request.of("Orders", item("customer", s(customer), "placed", n(placed))))
                .item();
    }

    private static <T> T read(String json, Class<T> type) {
        return DynamoJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
