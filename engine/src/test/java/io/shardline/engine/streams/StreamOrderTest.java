package io.shardline.engine.streams;

import static io.shardline.engine.testing.Items.tableWithStream;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.Partitions;
import io.shardline.engine.testing.StreamReading;
import io.shardline.engine.testing.StreamTailer;
import io.shardline.items.AttributeValue;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamOrderTest {
    private static final int WRITERS = 8;
    private static final int KEYS = 1000;

    /** What a consumer must see for one acknowledged change: its event and the item after it. */
    private record Expected(String eventName, Map<String, AttributeValue> newImage) {}

    @Test
    void everyKeysAcknowledgedChangesAppearOnceInOrderWhileShardsSplitAndRoll(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
        EngineConfig config = EngineConfig.durable(dir)
                .withClock(clock)
                .withShardRolloverAge(Duration.ofSeconds(1))
                .withMaintenanceInterval(Duration.ofHours(1));
        try (Engine engine = Engine.open(config)) {
            String arn = engine.createTable(tableWithStream("Game", 2, "NEW_AND_OLD_IMAGES", "id:S"))
                    .tableDescription()
                    .latestStreamArn();
            Map<String, List<Expected>> expected = new HashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
            AtomicBoolean writesDone = new AtomicBoolean();
            Future<List<GetRecords.ChangeRecord>> tailed =
                    pool.submit(() -> StreamTailer.tail(engine, arn, writesDone::get));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            List<Future<Map<String, List<Expected>>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(engine, writer, end)));
            }
            Future<Integer> splits = pool.submit(() -> {
                int count = 0;
                while (System.nanoTime() < end && count < 8) {
                    Partitions.splitWidest(engine, "Game");
                    clock.advance(Duration.ofSeconds(2));
                    engine.runMaintenance();
                    count++;
                    Thread.sleep(300);
                }
                return count;
            });
            for (Future<Map<String, List<Expected>>> writer : writers) {
                expected.putAll(writer.get());
            }
            int splitCount = splits.get();
            writesDone.set(true);
            List<GetRecords.ChangeRecord> tailedRecords = tailed.get();
            pool.shutdown();

            List<GetRecords.ChangeRecord> records = StreamReading.readAll(engine, arn);
            int shards = StreamReading.shards(engine, arn).size();
            assertTrue(splitCount > 0, "the workload outlasted at least one split");
            assertTrue(
                    shards >= 2 + 3 * splitCount,
                    "each round split a partition and rolled every shard over: " + shards + " shards after "
                            + splitCount + " rounds");
            Map<String, List<Expected>> seen = new HashMap<>();
            Map<String, BigInteger> lastSequence = new HashMap<>();
            Map<String, Map<String, AttributeValue>> replayed = new HashMap<>();
            for (GetRecords.ChangeRecord record : records) {
                String key = ((AttributeValue.S) record.dynamodb().keys().get("id")).value();
                seen.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Expected(record.eventName(), record.dynamodb().newImage()));
                BigInteger sequence = new BigInteger(record.dynamodb().sequenceNumber());
                assertTrue(
                        sequence.compareTo(lastSequence.getOrDefault(key, BigInteger.ZERO)) > 0,
                        "sequence numbers of " + key + " increase");
                lastSequence.put(key, sequence);
                if (record.dynamodb().newImage() == null) {
                    replayed.remove(key);
                } else {
                    replayed.put(key, record.dynamodb().newImage());
                }
            }
            int changes = expected.values().stream().mapToInt(List::size).sum();
            assertEquals(changes, records.size(), "one record per acknowledged change");
            assertEquals(expected, seen);
            Map<String, Map<String, AttributeValue>> live = new HashMap<>();
            Map<String, AttributeValue> start = null;
            do {
                ItemPage page = engine.scan(new Scan.Request(
                        "Game", null, start, null, null, null, null, null, null, null, null, null, null));
                page.items().forEach(i -> live.put(((AttributeValue.S) i.get("id")).value(), i));
                start = page.lastEvaluatedKey();
            } while (start != null);
            assertEquals(live, replayed, "replaying the stream onto an empty table yields the live table");
            assertEquals(
                    records.size(), tailedRecords.size(), "a consumer reading while writes go on sees every record");
            Map<String, List<GetRecords.ChangeRecord>> tailedByKey = new HashMap<>();
            Map<String, List<GetRecords.ChangeRecord>> readByKey = new HashMap<>();
            tailedRecords.forEach(r -> tailedByKey
                    .computeIfAbsent(r.dynamodb().keys().toString(), k -> new ArrayList<>())
                    .add(r));
            records.forEach(r -> readByKey
                    .computeIfAbsent(r.dynamodb().keys().toString(), k -> new ArrayList<>())
                    .add(r));
            assertEquals(readByKey, tailedByKey, "in the same order per key");
        }
    }

    /** One writer's random puts, updates and deletes of the keys it owns, with what each should append. */
    private static Map<String, List<Expected>> write(Engine engine, int writer, long end) {
        Random random = new Random(writer);
        Map<String, List<Expected>> expected = new HashMap<>();
        Map<String, Map<String, AttributeValue>> current = new HashMap<>();
        for (long version = 0; System.nanoTime() < end; version++) {
            String id = "key-" + (random.nextInt(KEYS / WRITERS) * WRITERS + writer);
            Map<String, AttributeValue> before = current.get(id);
            List<Expected> history = expected.computeIfAbsent(id, k -> new ArrayList<>());
            int action = random.nextInt(10);
            if (action < 5) {
                Map<String, AttributeValue> item = item("id", s(id), "version", n(version), "writer", n(writer));
                engine.putItem(PutItem.Request.of("Game", item));
                history.add(new Expected(before == null ? "INSERT" : "MODIFY", item));
                current.put(id, item);
            } else if (action < 8) {
                Map<String, AttributeValue> after = engine.updateItem(UpdateItem.Request.of(
                                "Game",
                                item("id", s(id)),
                                Map.of("score", new AttributeValueUpdate(n(1 + random.nextInt(9)), "ADD")),
                                "ALL_NEW"))
                        .attributes();
                history.add(new Expected(before == null ? "INSERT" : "MODIFY", after));
                current.put(id, after);
            } else {
                engine.deleteItem(DeleteItem.Request.of("Game", item("id", s(id))));
                if (before != null) {
                    history.add(new Expected("REMOVE", null));
                }
                current.remove(id);
            }
        }
        expected.values().removeIf(List::isEmpty);
        return expected;
    }
}
