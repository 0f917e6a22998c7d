package io.shardline.engine.table;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Scan;
import io.shardline.engine.testing.Partitions;
import io.shardline.items.AttributeValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionSplitTest {

    private static Set<String> scanIds(Engine engine, String table) {
        Set<String> ids = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            ItemPage page = engine.scan(
                    new Scan.Request(table, 500, start, null, null, null, null, null, null, null, null, null, null));
            for (Map<String, AttributeValue> i : page.items()) {
                assertTrue(ids.add(((AttributeValue.S) i.get("id")).value()), "duplicate " + i);
            }
            start = page.lastEvaluatedKey();
        } while (start != null);
        return ids;
    }

    private static long itemCount(Engine engine, String table) {
        return engine.describeTable(new DescribeTable.Request(table)).table().itemCount();
    }

    /** Open partitions must tile the whole hash space with no gap or overlap. */
    private static void assertOpenPartitionsTileTheHashSpace(List<Partition> partitions) {
        List<Partition> open =
                new ArrayList<>(partitions.stream().filter(Partition::isOpen).toList());
        open.sort((a, b) -> Long.compareUnsigned(a.hashStart(), b.hashStart()));
        assertEquals(0L, open.get(0).hashStart());
        for (int i = 1; i < open.size(); i++) {
            assertEquals(open.get(i - 1).hashEnd() + 1, open.get(i).hashStart());
        }
        assertEquals(-1L, open.get(open.size() - 1).hashEnd());
    }

    @Test
    void explicitSplitRecordsLineageDurablyAndKeepsEveryItem(@TempDir Path dir) {
        Set<String> written = new HashSet<>();
        long childId;
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            createTable(engine, "Split", 1, "id:S");
            for (int i = 0; i < 300; i++) {
                engine.putItem(PutItem.Request.of("Split", item("id", s("k" + i), "v", n(i))));
                written.add("k" + i);
            }
            List<Partition> children = engine.splitPartition("Split", 0);
            assertEquals(2, children.size());
            for (Partition child : children) {
                assertEquals(0L, child.parentId());
                assertTrue(child.isOpen());
            }
            Partition parent = engine.partitions("Split").get(0);
            assertFalse(parent.isOpen());
            assertNotNull(parent.closedAtMillis());
            assertEquals(children.get(0).hashEnd() + 1, children.get(1).hashStart());
            childId = children.get(1).id();
            assertEquals(300L, itemCount(engine, "Split"));
            engine.splitPartition("Split", childId);
            assertEquals(5, engine.partitions("Split").size());
            assertOpenPartitionsTileTheHashSpace(engine.partitions("Split"));
        }
        try (Engine reopened = Engine.open(EngineConfig.durable(dir))) {
            List<Partition> partitions = reopened.partitions("Split");
            assertEquals(5, partitions.size());
            assertEquals(3, partitions.stream().filter(Partition::isOpen).count());
            assertEquals(
                    childId,
                    partitions.stream()
                            .filter(p -> p.id() == 3)
                            .findFirst()
                            .orElseThrow()
                            .parentId());
            assertEquals(written, scanIds(reopened, "Split"));
            assertEquals(300L, itemCount(reopened, "Split"));
            assertEquals(
                    n(42),
                    reopened.getItem(GetItem.Request.of("Split", item("id", s("k42"))))
                            .item()
                            .get("v"));
        }
    }

    @Test
    void partitionSplitsWhenItPassesTheConfiguredSize() {
        try (Engine engine = Engine.open(EngineConfig.inMemory().withPartitionSplitBytes(64 * 1024))) {
            createTable(engine, "Growing", 1, "id:S");
            Set<String> written = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                engine.putItem(PutItem.Request.of("Growing", item("id", s("k" + i), "pad", s("x".repeat(1000)))));
                written.add("k" + i);
            }
            List<Partition> partitions = engine.partitions("Growing");
            long open = partitions.stream().filter(Partition::isOpen).count();
            assertTrue(open >= 6, "400 KB over 64 KB partitions: " + open + " open partitions");
            assertOpenPartitionsTileTheHashSpace(partitions);
            assertEquals(written, scanIds(engine, "Growing"));
            assertEquals(400L, itemCount(engine, "Growing"));
        }
    }

    @Test
    void oneHugeItemCollectionDoesNotSplitForever() {
        try (Engine engine = Engine.open(EngineConfig.inMemory().withPartitionSplitBytes(16 * 1024))) {
            createTable(engine, "Collection", 1, "pk:S", "sk:N");
            for (int i = 0; i < 100; i++) {
                engine.putItem(
                        PutItem.Request.of("Collection", item("pk", s("one"), "sk", n(i), "pad", s("x".repeat(1000)))));
            }
            assertEquals(1, engine.partitions("Collection").size(), "a single partition key cannot be cut");
        }
    }

    @Test
    void splitsUnderConcurrentWritesLoseNothing(@TempDir Path dir) throws Exception {
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            createTable(engine, "Busy", 1, "id:S");
            int writers = 4;
            int perWriter = 400;
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        engine.putItem(PutItem.Request.of("Busy", item("id", s("w" + writer + "-" + i), "v", n(i))));
                    }
                }));
            }
            Future<Integer> splitter = pool.submit(() -> {
                int splits = 0;
                while (splits < 3 || (writing.get() && splits < 12)) {
                    Partitions.splitWidest(engine, "Busy");
                    splits++;
                }
                return splits;
            });
            for (Future<?> future : futures) {
                future.get();
            }
            writing.set(false);
            int splits = splitter.get();
            pool.shutdown();
            assertTrue(splits >= 1);
            assertEquals(1 + 2 * splits, engine.partitions("Busy").size());
            assertOpenPartitionsTileTheHashSpace(engine.partitions("Busy"));
            Set<String> ids = scanIds(engine, "Busy");
            assertEquals(writers * perWriter, ids.size());
            assertEquals(writers * perWriter, itemCount(engine, "Busy"));
        }
    }
}
