package io.shardline.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.connector.testing.EngineServerResource;
import io.shardline.connector.testing.Restarts;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.engine.testing.Partitions;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100,000 changes over 2,000 keys, written while partitions split and shards roll over every two
 * seconds, read at parallelism 4 by a job that loses a TaskManager midway: a keyed operator sees
 * each key's changes complete and in sequence order, and its exactly-once output matches the
 * acknowledged writes.
 */
class LargeWorkloadOrderITCase {
    private static final int KEYS = 2_000;
    private static final int WRITERS = 4;
    private static final int CHANGES = 100_000;
    /** Partition splits the first writer makes, spread over its writes. */
    private static final int SPLITS = 8;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final EngineServerResource server = new EngineServerResource(EngineConfig.inMemory()
            .withShardRolloverAge(Duration.ofSeconds(2))
            .withMaintenanceInterval(Duration.ofMillis(100)));
    private Engine engine;

    @BeforeEach
    void start() {
        server.startUp();
        engine = server.engine();
        engine.createTable(new CreateTable.Request(
                "Moves",
                List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST",
                null,
                List.of(new Tag("shardline:partitions", "2")),
                new StreamSpecification(true, "NEW_IMAGE")));
    }

    @AfterEach
    void stop() {
        server.tearDown();
    }

    /**
     * Writes the workload: writer {@code w} owns the keys {@code k % WRITERS == w} and gives each
     * key's versions 1, 2, 3... in order; returns the acknowledged versions per key.
     */
    private Map<String, Long> writeWorkload() {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                Random random = new Random(writer);
                for (int i = 0; i < CHANGES / WRITERS; i++) {
                    String id = "key-" + (random.nextInt(KEYS / WRITERS) * WRITERS + writer);
                    long version = acknowledged.getOrDefault(id, 0L) + 1;
                    engine.putItem(PutItem.Request.of(
                            "Moves",
                            Map.of(
                                    "id",
                                    new AttributeValue.S(id),
                                    "version",
                                    new AttributeValue.N(DynamoNumber.of(version)))));
                    acknowledged.put(id, version);
                    if (writer == 0 && i % (CHANGES / WRITERS / SPLITS) == CHANGES / WRITERS / SPLITS - 1) {
                        Partitions.splitWidest(engine, "Moves");
                    }
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        return acknowledged;
    }

    /** Per key: counts the changes and checks that sequence numbers increase; emits "key|count|version". */
    static final class OrderCheck extends KeyedProcessFunction<String, String, String> {
        /** Subtasks opened, restarts included. */
        static final AtomicInteger OPENED = new AtomicInteger();

        private transient ValueState<String> lastSequence;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            OPENED.incrementAndGet();
            lastSequence = getRuntimeContext().getState(new ValueStateDescriptor<>("lastSequence", Types.STRING));
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(String change, Context context, Collector<String> out) throws Exception {
            String[] parts = change.split("\\|");
            String sequence = parts[2];
            String last = lastSequence.value();
            if (last != null && SequenceNumbers.compare(sequence, last) <= 0) {
                out.collect("OUT OF ORDER " + parts[0] + ": " + sequence + " after " + last);
            }
            lastSequence.update(sequence);
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(parts[0] + "|" + n + "|" + parts[1]);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyKeysChangesArriveOnceAndInOrderThroughSplitsRolloversAndATaskManagerLoss(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        OrderCheck.OPENED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Restarts.fixedDelay(10));
        env.setParallelism(4);
        env.enableCheckpointing(200);
        DataStream<String> checked = env.fromSource(
                        ShardlineSource.<String>builder()
                                .tableName("Moves")
                                .endpoint(server.endpoint())
                                .credentials("test", "test")
                                .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                                .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(500))
                                .deserializer(ChangeRecordDeserializationSchema.of(
                                        r -> r.keys().get("id").s() + "|"
                                                + r.newImage().get("version").n() + "|" + r.sequenceNumber(),
                                        Types.STRING))
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "moves")
                .keyBy(change -> change.substring(0, change.indexOf('|')))
                .process(new OrderCheck());
        Map<String, List<Long>> versions = new HashMap<>();
        List<String> violations = new ArrayList<>();
        Map<String, Long> acknowledged;
        try (CloseableIterator<String> collected = checked.collectAsync()) {
            JobClient job = env.executeAsync();
            CompletableFuture<Map<String, Long>> workload = CompletableFuture.supplyAsync(this::writeWorkload);
            int received = 0;
            boolean killed = false;
            while (received < CHANGES && violations.isEmpty()) {
                String result = collected.next();
                if (result.startsWith("OUT OF ORDER")) {
                    violations.add(result);
                    continue;
                }
                String[] parts = result.split("\\|");
                List<Long> keyVersions = versions.computeIfAbsent(parts[0], k -> new ArrayList<>());
                assertEquals(keyVersions.size() + 1, Long.parseLong(parts[1]), "exactly-once count of " + parts[0]);
                keyVersions.add(Long.parseLong(parts[2]));
                received++;
                if (!killed && received == CHANGES / 3) {
                    cluster.terminateTaskManager(0).get();
                    cluster.startTaskManager();
                    killed = true;
                }
            }
            acknowledged = workload.get();
            job.cancel().get();
        }
        assertEquals(List.of(), violations);
        assertTrue(OrderCheck.OPENED.get() > 4, "the tasks restarted after the TaskManager was lost");
        assertEquals(
                2 + 2 * SPLITS,
                engine.partitions("Moves").size(),
                "partitions split while writes went on: the " + "table's two partitions and two children per split");
        assertEquals(
                CHANGES,
                acknowledged.values().stream().mapToLong(Long::longValue).sum());
        Map<String, List<Long>> expected = new HashMap<>();
        acknowledged.forEach((key, last) ->
                expected.put(key, LongStream.rangeClosed(1, last).boxed().toList()));
        assertEquals(expected, versions, "each key's versions complete and in order");
    }
}
