package io.shardline.engine.durability;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.engine.testing.Items.item;
import static io.shardline.engine.testing.Items.n;
import static io.shardline.engine.testing.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Scan;
import io.shardline.engine.model.AttributeValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

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
            assertEquals(List.of("Alpha", "Beta"), engine.listTables(new ListTables.Request(null, null)).tableNames());
            assertEquals(50L, engine.describeTable(new DescribeTable.Request("Alpha")).table().itemCount());
            assertEquals(50L, engine.describeTable(new DescribeTable.Request("Beta")).table().itemCount());
            assertEquals(n(7), engine.getItem(GetItem.Request.of("Alpha", item("id", s("a7")))).item().get("v"));
            createTable(engine, "Gamma", 1, "id:S");
            engine.putItem(PutItem.Request.of("Gamma", item("id", s("g"))));
            assertEquals(1L, engine.describeTable(new DescribeTable.Request("Gamma")).table().itemCount(),
                    "a table created after restart gets a fresh id, not the data of an older table");
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNine(@TempDir Path dir) throws Exception {
        Path acks = dir.resolve("acks.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
                dir.resolve("data").toString())
                .redirectOutput(acks.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledgedLines(acks).size() < 3000 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        List<String> lines = acknowledgedLines(acks);
        assertTrue(lines.size() >= 3001, "the writer acknowledged writes before it was killed: " + lines.size());
        assertEquals("ready", lines.get(0));
        Map<String, String[]> lastAck = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ");
            lastAck.put(parts[1], parts);
        }
        try (Engine engine = Engine.open(EngineConfig.durable(dir.resolve("data")))) {
            for (String[] ack : lastAck.values()) {
                String key = ack[1];
                long i = Long.parseLong(ack[2]);
                Map<String, AttributeValue> found = engine.getItem(GetItem.Request.of("Crash", item("id", s(key)))).item();
                Long version = found == null ? null
                        : Long.parseLong(((AttributeValue.N) found.get("version")).value().toString());
                boolean nextIsDelete = CrashingWriter.isDelete(i + CrashingWriter.KEYS_PER_THREAD);
                if (ack[0].equals("put")) {
                    assertTrue(version != null ? version >= i : nextIsDelete,
                            key + " lost its acknowledged put " + i + ", found " + version);
                } else {
                    assertTrue(version == null || version > i,
                            key + " lost its acknowledged delete " + i + ", found " + version);
                }
            }
            ItemPage all = engine.scan(Scan.Request.of("Crash"));
            assertEquals(all.count(), engine.describeTable(new DescribeTable.Request("Crash")).table().itemCount(),
                    "item count recovered with the items");
            assertNull(all.lastEvaluatedKey());
        }
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
