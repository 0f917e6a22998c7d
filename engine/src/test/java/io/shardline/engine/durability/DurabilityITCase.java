package io.shardline.engine.durability;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.DescribeTimeToLive;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GlobalSecondaryIndex;
import io.shardline.engine.api.GlobalSecondaryIndexUpdate;
import io.shardline.engine.api.IndexProjection;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.TimeToLiveSpecification;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.IndexConsistency;
import io.shardline.engine.testing.Items;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.AttributeValue;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class DurabilityITCase {

    @Test
    void restartRecoversEveryTableAndItem(@TempDir Path dir) {
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            createTable(engine, "Alpha", 2, "id:S");
            createTable(engine, "Beta", 3, "pk:S", "sk:N");
            for (int i = 0; i < 50; i++) {
                engine.putItem(PutItem.Request.of("Alpha", item("id", s("a" + i), "v", n(i))));
                engine.putItem(PutItem.Request.of("Beta", item("pk", s("p" + (i % 5)), "sk", n(i))));
            }
        }
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            assertEquals(
                    List.of("Alpha", "Beta"),
                    engine.listTables(new ListTables.Request(null, null)).tableNames());
            assertEquals(
                    50L,
                    engine.describeTable(new DescribeTable.Request("Alpha"))
                            .table()
                            .itemCount());
            assertEquals(
                    50L,
                    engine.describeTable(new DescribeTable.Request("Beta"))
                            .table()
                            .itemCount());
            assertEquals(
                    n(7),
                    engine.getItem(GetItem.Request.of("Alpha", item("id", s("a7"))))
                            .item()
                            .get("v"));
            createTable(engine, "Gamma", 1, "id:S");
            engine.putItem(PutItem.Request.of("Gamma", item("id", s("g"))));
            assertEquals(
                    1L,
                    engine.describeTable(new DescribeTable.Request("Gamma"))
                            .table()
                            .itemCount(),
                    "a table created after restart gets a fresh id, not the data of an older table");
        }
    }

    @Test
    void restartRecoversStreamsShardsAndTimeToLive(@TempDir Path dir) {
        String arn;
        DescribeStream.StreamDescription before;
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            arn = engine.createTable(Items.tableWithStream("Streamed", 1, "NEW_IMAGE", "id:S"))
                    .tableDescription()
                    .latestStreamArn();
            engine.putItem(PutItem.Request.of("Streamed", item("id", s("a"))));
            engine.splitPartition("Streamed", 0);
            engine.putItem(PutItem.Request.of("Streamed", item("id", s("b"))));
            engine.updateTimeToLive(new UpdateTimeToLive.Request("Streamed", new TimeToLiveSpecification(true, "ttl")));
            before = engine.describeStream(DescribeStream.Request.of(arn)).streamDescription();
        }
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            assertEquals(
                    before,
                    engine.describeStream(DescribeStream.Request.of(arn)).streamDescription());
            assertEquals(2, StreamReading.readAll(engine, arn).size());
            assertEquals(
                    "ttl",
                    engine.describeTimeToLive(new DescribeTimeToLive.Request("Streamed"))
                            .timeToLiveDescription()
                            .attributeName());
            engine.putItem(PutItem.Request.of("Streamed", item("id", s("c"))));
            assertEquals(3, StreamReading.readAll(engine, arn).size());
        }
    }

    @Test
    void anIndexStillBackfillingWhenTheEngineClosesIsFinishedAfterRestart(@TempDir Path dir) throws Exception {
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            createTable(engine, "Late", 2, "id:S");
            for (int i = 0; i < 3000; i++) {
                engine.putItem(PutItem.Request.of("Late", item("id", s("k" + i), "group", s("g" + (i % 17)))));
            }
            engine.updateTable(new UpdateTable.Request(
                    "Late",
                    List.of(new AttributeDefinition("group", "S")),
                    null,
                    null,
                    null,
                    List.of(new GlobalSecondaryIndexUpdate(
                            new GlobalSecondaryIndex(
                                    "byGroup",
                                    List.of(new KeySchemaElement("group", "HASH")),
                                    new IndexProjection("KEYS_ONLY", null),
                                    null),
                            null,
                            null))));
        }
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            Await.until(
                    Duration.ofSeconds(60),
                    () -> engine.describeTable(new DescribeTable.Request("Late"))
                            .table()
                            .globalSecondaryIndexes()
                            .get(0)
                            .indexStatus()
                            .equals("ACTIVE"),
                    "the backfill finishing after the restart");
            assertEquals(3000, IndexConsistency.assertIndexesMatchTable(engine, "Late"));
        }
    }

    @Test
    void everyAcknowledgedChangeSurvivesKillNineOnceInTheStream(@TempDir Path dir) throws Exception {
        Path acks = dir.resolve("acks.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriter.class.getName(),
                        dir.resolve("data").toString())
                .redirectOutput(acks.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledgedLines(acks).size() < 3001 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        List<String> lines = acknowledgedLines(acks);
        assertTrue(lines.size() >= 3001, "the writer acknowledged writes before it was killed: " + lines.size());
        assertEquals("ready", lines.get(0));
        Map<String, List<String>> acknowledged = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ");
            acknowledged.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[0] + " " + parts[2]);
        }
        try (Engine engine = Engine.open(EngineConfig.durable(dir.resolve("data")))) {
            String arn = engine.describeTable(new DescribeTable.Request("Crash"))
                    .table()
                    .latestStreamArn();
            Map<String, List<String>> streamed = new HashMap<>();
            BigInteger highestSequence = BigInteger.ZERO;
            for (GetRecords.ChangeRecord record : StreamReading.readAll(engine, arn)) {
                String key = ((AttributeValue.S) record.dynamodb().keys().get("id")).value();
                String change = record.eventName().equals("REMOVE")
                        ? "delete " + (version(record.dynamodb().oldImage()) + CrashingWriter.KEYS_PER_THREAD)
                        : "put " + version(record.dynamodb().newImage());
                streamed.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
                highestSequence =
                        highestSequence.max(new BigInteger(record.dynamodb().sequenceNumber()));
            }
            for (Map.Entry<String, List<String>> acked : acknowledged.entrySet()) {
                List<String> inStream = streamed.getOrDefault(acked.getKey(), List.of());
                assertTrue(
                        inStream.size() >= acked.getValue().size()
                                && inStream.subList(0, acked.getValue().size()).equals(acked.getValue())
                                && inStream.size() <= acked.getValue().size() + 1,
                        acked.getKey() + ": acknowledged " + acked.getValue() + " but the stream has " + inStream);
            }
            for (Map.Entry<String, List<String>> changes : streamed.entrySet()) {
                Map<String, AttributeValue> found = engine.getItem(
                                GetItem.Request.of("Crash", item("id", s(changes.getKey()))))
                        .item();
                String last = changes.getValue().get(changes.getValue().size() - 1);
                String state = found == null ? "absent" : "put " + version(found);
                assertEquals(
                        last.startsWith("delete") ? "absent" : last,
                        state,
                        changes.getKey() + ": the item and its last change record agree");
            }
            assertTrue(
                    IndexConsistency.assertIndexesMatchTable(engine, "Crash") > 0,
                    "the index matches the table after kill -9");
            ItemPage all = engine.scan(Scan.Request.of("Crash"));
            assertEquals(
                    all.count(),
                    engine.describeTable(new DescribeTable.Request("Crash"))
                            .table()
                            .itemCount(),
                    "item count recovered with the items");
            assertNull(all.lastEvaluatedKey());
            engine.putItem(PutItem.Request.of("Crash", item("id", s("after-restart"), "version", n(0))));
            List<GetRecords.ChangeRecord> afterRestart = StreamReading.readAll(engine, arn).stream()
                    .filter(r -> r.dynamodb().keys().equals(item("id", s("after-restart"))))
                    .toList();
            assertTrue(
                    new BigInteger(afterRestart.get(0).dynamodb().sequenceNumber()).compareTo(highestSequence) > 0,
                    "sequence numbers keep increasing across a crash");
        }
    }

    private static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(((AttributeValue.N) item.get("version")).value().toString());
    }

    /** The complete lines of the writer's log; a line cut short by the kill is not an acknowledgement. */
    private static List<String> acknowledgedLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
