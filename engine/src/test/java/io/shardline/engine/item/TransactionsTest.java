package io.shardline.engine.item;

import static io.shardline.engine.testing.Items.tableWithStream;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.TransactGetItems;
import io.shardline.engine.api.TransactWriteItems;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.AttributeValue;
import io.shardline.items.ErrorType;
import io.shardline.items.TransactionCanceledException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory());
    private final String streamArn = engine.createTable(tableWithStream("Bank", 4, "NEW_AND_OLD_IMAGES", "id:S"))
            .tableDescription()
            .latestStreamArn();

    @AfterEach
    void close() {
        engine.close();
    }

    private static TransactWriteItems.TransactWriteItem put(
            Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        return new TransactWriteItems.TransactWriteItem(
                null, new TransactWriteItems.Put("Bank", item, condition, null, values, "ALL_OLD"), null, null);
    }

    private static TransactWriteItems.TransactWriteItem update(
            String id, String expression, String condition, Map<String, AttributeValue> values) {
        return new TransactWriteItems.TransactWriteItem(
                null,
                null,
                null,
                new TransactWriteItems.Update("Bank", item("id", s(id)), expression, condition, null, values, null));
    }

    private static TransactWriteItems.TransactWriteItem check(
            String id, String condition, Map<String, AttributeValue> values) {
        return new TransactWriteItems.TransactWriteItem(
                new TransactWriteItems.ConditionCheck("Bank", item("id", s(id)), condition, null, values, null),
                null,
                null,
                null);
    }

    private static TransactWriteItems.TransactWriteItem delete(String id) {
        return new TransactWriteItems.TransactWriteItem(
                null, null, new TransactWriteItems.Delete("Bank", item("id", s(id)), null, null, null, null), null);
    }

    private AttributeValue balance(String id) {
        Map<String, AttributeValue> found =
                engine.getItem(GetItem.Request.of("Bank", item("id", s(id)))).item();
        return found == null ? null : found.get("balance");
    }

    @Test
    void allActionsApplyTogetherWithOneChangeRecordEach() {
        engine.putItem(PutItem.Request.of("Bank", item("id", s("gone"))));
        engine.putItem(PutItem.Request.of("Bank", item("id", s("alice"), "balance", n(100))));
        engine.putItem(PutItem.Request.of("Bank", item("id", s("carol"), "active", new AttributeValue.BOOL(true))));
        engine.transactWriteItems(TransactWriteItems.Request.of(List.of(
                put(item("id", s("bob"), "balance", n(0)), "attribute_not_exists(id)", null),
                update("alice", "SET balance = balance - :amount", "balance >= :amount", Map.of(":amount", n(30))),
                delete("gone"),
                check("carol", "active = :yes", Map.of(":yes", new AttributeValue.BOOL(true))))));
        assertEquals(n(70), balance("alice"));
        assertEquals(n(0), balance("bob"));
        assertNull(engine.getItem(GetItem.Request.of("Bank", item("id", s("gone"))))
                .item());
        List<String> events = StreamReading.readAll(engine, streamArn).stream()
                .map(r -> r.eventName() + " "
                        + ((AttributeValue.S) r.dynamodb().keys().get("id")).value())
                .toList();
        assertEquals(6, events.size(), "three puts, then three changes: a condition check writes nothing");
        assertTrue(events.containsAll(List.of("INSERT bob", "MODIFY alice", "REMOVE gone")), events.toString());
    }

    @Test
    void oneFailedConditionCancelsEverythingWithAReasonPerAction() {
        engine.putItem(PutItem.Request.of("Bank", item("id", s("alice"), "balance", n(10))));
        TransactionCanceledException canceled = (TransactionCanceledException) rejected(
                ErrorType.TRANSACTION_CANCELED,
                () -> engine.transactWriteItems(TransactWriteItems.Request.of(List.of(
                        put(item("id", s("bob"), "balance", n(50)), null, null),
                        put(
                                item("id", s("alice"), "balance", n(0)),
                                "balance >= :amount",
                                Map.of(":amount", n(50)))))));
        assertEquals(
                List.of("None", "ConditionalCheckFailed"),
                canceled.reasons().stream()
                        .map(TransactionCanceledException.Reason::code)
                        .toList());
        assertEquals(
                item("id", s("alice"), "balance", n(10)),
                canceled.reasons().get(1).item());
        assertThat(canceled).hasMessageContaining("[None, ConditionalCheckFailed]");
        assertNull(balance("bob"), "nothing of a canceled transaction is written");
        assertEquals(n(10), balance("alice"));
        assertEquals(1, StreamReading.readAll(engine, streamArn).size(), "and nothing reaches the stream");
    }

    @Test
    void invalidTransactionsAreRejected() {
        rejected(
                ErrorType.VALIDATION,
                () -> engine.transactWriteItems(TransactWriteItems.Request.of(
                        List.of(delete("x"), update("x", "SET a = :one", null, Map.of(":one", n(1)))))));
        List<TransactWriteItems.TransactWriteItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(delete("k" + i));
        }
        rejected(ErrorType.VALIDATION, () -> engine.transactWriteItems(TransactWriteItems.Request.of(tooMany)));
        rejected(ErrorType.VALIDATION, () -> engine.transactWriteItems(TransactWriteItems.Request.of(List.of())));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.transactWriteItems(TransactWriteItems.Request.of(
                        List.of(new TransactWriteItems.TransactWriteItem(null, null, null, null)))));
        rejected(
                ErrorType.RESOURCE_NOT_FOUND,
                () -> engine.transactWriteItems(TransactWriteItems.Request.of(List.of(
                        new TransactWriteItems.TransactWriteItem(
                                null,
                                null,
                                new TransactWriteItems.Delete("Nope", item("id", s("x")), null, null, null, null),
                                null)))));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.transactWriteItems(TransactWriteItems.Request.of(
                        List.of(update("x", "SET id = :one", null, Map.of(":one", n(1)))))));
    }

    @Test
    void clientRequestTokenMakesRetriesIdempotent() {
        engine.putItem(PutItem.Request.of("Bank", item("id", s("alice"), "balance", n(100))));
        TransactWriteItems.Request withdraw = new TransactWriteItems.Request(
                List.of(update("alice", "SET balance = balance - :amount", null, Map.of(":amount", n(10)))),
                "token-1",
                null,
                null);
        engine.transactWriteItems(withdraw);
        engine.transactWriteItems(withdraw);
        assertEquals(n(90), balance("alice"), "a retry with the same token does not apply again");
        rejected(
                ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                () -> engine.transactWriteItems(new TransactWriteItems.Request(
                        List.of(update("alice", "SET balance = balance - :amount", null, Map.of(":amount", n(20)))),
                        "token-1",
                        null,
                        null)));
        assertEquals(n(90), balance("alice"));
    }

    @Test
    void clientRequestTokensExpireAfterTenMinutes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        try (Engine timed = Engine.open(EngineConfig.inMemory().withClock(clock))) {
            timed.createTable(tableWithStream("Bank", 1, null, "id:S"));
            timed.putItem(PutItem.Request.of("Bank", item("id", s("alice"), "balance", n(100))));
            TransactWriteItems.Request withdraw = new TransactWriteItems.Request(
                    List.of(update("alice", "SET balance = balance - :amount", null, Map.of(":amount", n(10)))),
                    "token-2",
                    null,
                    null);
            timed.transactWriteItems(withdraw);
            clock.advance(Duration.ofMinutes(9));
            timed.transactWriteItems(withdraw);
            assertEquals(
                    n(90),
                    timed.getItem(GetItem.Request.of("Bank", item("id", s("alice"))))
                            .item()
                            .get("balance"));
            clock.advance(Duration.ofMinutes(2));
            timed.transactWriteItems(withdraw);
            assertEquals(
                    n(80),
                    timed.getItem(GetItem.Request.of("Bank", item("id", s("alice"))))
                            .item()
                            .get("balance"),
                    "after 10 minutes the token is forgotten and the request runs again");
        }
    }

    @Test
    void transfersUnderContentionStayAllOrNothing() throws Exception {
        int accounts = 6;
        for (int i = 0; i < accounts; i++) {
            engine.putItem(PutItem.Request.of("Bank", item("id", s("acct" + i), "balance", n(100))));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        Future<Integer> auditor = pool.submit(() -> {
            int audits = 0;
            while (running.get()) {
                List<TransactGetItems.TransactGetItem> gets = new ArrayList<>();
                for (int i = 0; i < accounts; i++) {
                    gets.add(new TransactGetItems.TransactGetItem(
                            new TransactGetItems.Get("Bank", item("id", s("acct" + i)), null, null)));
                }
                long total = engine.transactGetItems(TransactGetItems.Request.of(gets)).responses().stream()
                        .mapToLong(
                                r -> Long.parseLong(((AttributeValue.N) r.item().get("balance"))
                                        .value()
                                        .toString()))
                        .sum();
                assertEquals(accounts * 100L, total, "a consistent read sees money neither created nor lost");
                audits++;
            }
            return audits;
        });
        List<Future<int[]>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            workers.add(pool.submit(() -> {
                Random random = new Random(seed);
                int done = 0;
                int canceled = 0;
                for (int i = 0; i < 150; i++) {
                    int from = random.nextInt(accounts);
                    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                    AttributeValue amount = n(1 + random.nextInt(60));
                    try {
                        engine.transactWriteItems(TransactWriteItems.Request.of(List.of(
                                update(
                                        "acct" + from,
                                        "SET balance = balance - :a",
                                        "balance >= :a",
                                        Map.of(":a", amount)),
                                update("acct" + to, "SET balance = balance + :a", null, Map.of(":a", amount)))));
                        done++;
                    } catch (TransactionCanceledException e) {
                        canceled++;
                    }
                }
                return new int[] {done, canceled};
            }));
        }
        int done = 0;
        int canceled = 0;
        for (Future<int[]> worker : workers) {
            done += worker.get()[0];
            canceled += worker.get()[1];
        }
        running.set(false);
        assertTrue(auditor.get() > 0);
        pool.shutdown();
        long total = 0;
        for (int i = 0; i < accounts; i++) {
            long value = Long.parseLong(
                    ((AttributeValue.N) balance("acct" + i)).value().toString());
            assertTrue(value >= 0, "no balance went negative");
            total += value;
        }
        assertEquals(accounts * 100L, total);
        assertTrue(done > 0 && canceled > 0, done + " done, " + canceled + " canceled");
    }
}
