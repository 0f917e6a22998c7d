package io.shardline.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.connector.source.enumerator.ShardSplitEnumerator;
import io.shardline.connector.source.reader.ShardSplitReader;
import io.shardline.connector.testing.EngineServerResource;
import io.shardline.connector.testing.Restarts;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.testing.Partitions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.testutils.logging.LoggerAuditingExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The source on a real Flink MiniCluster against a real engine server, through splits and rollovers. */
@Timeout(240)
class ShardlineSourceITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private final EngineServerResource server = new EngineServerResource(EngineConfig.inMemory()
            .withShardRolloverAge(Duration.ofMillis(400))
            .withMaintenanceInterval(Duration.ofMillis(50)));
    private Engine engine;
    private DynamoDbClient client;
    private String streamArn;

    @BeforeEach
    void start() {
        server.startUp();
        engine = server.engine();
        client = server.client();
        streamArn = server.createTableWithStream("Changes", 2);
    }

    @AfterEach
    void stop() {
        client.close();
        server.tearDown();
    }

    /** Writes {@code rounds} versions of each key, splitting a partition between rounds; returns what was written. */
    private Map<String, List<Long>> write(int keys, int fromRound, int rounds, Map<String, List<Long>> written) {
        for (int round = fromRound; round < fromRound + rounds; round++) {
            for (int k = 0; k < keys; k++) {
                String id = "key-" + k;
                long version = round * 10_000L + k;
                client.putItem(r -> r.tableName("Changes")
                        .item(Map.of(
                                "id",
                                AttributeValue.fromS(id),
                                "version",
                                AttributeValue.fromN(Long.toString(version)))));
                written.computeIfAbsent(id, x -> new ArrayList<>()).add(version);
            }
            if (round % 3 == 1) {
                Partitions.splitWidest(engine, "Changes");
            }
        }
        return written;
    }

    private ShardlineSourceBuilder<String> source() {
        return ShardlineSource.<String>builder()
                .streamArn(streamArn)
                .endpoint(server.endpoint())
                .credentials("test", "test")
                .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200))
                .deserializer(ChangeRecordDeserializationSchema.of(
                        r -> r.keys().get("id").s() + "|"
                                + r.newImage().get("version").n() + "|" + r.sequenceNumber() + "|" + r.shardId(),
                        Types.STRING));
    }

    private static Map<String, List<Long>> versionsByKey(List<String> results) {
        Map<String, List<Long>> read = new HashMap<>();
        Map<String, String> lastSequence = new HashMap<>();
        for (String result : results) {
            String[] parts = result.split("\\|");
            String sequence = parts[2];
            assertTrue(
                    SequenceNumbers.compare(sequence, lastSequence.getOrDefault(parts[0], "0")) > 0,
                    "sequence numbers of " + parts[0] + " increase: "
                            + results.stream()
                                    .filter(x -> x.startsWith(parts[0] + "|"))
                                    .toList());
            lastSequence.put(parts[0], sequence);
            read.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
        }
        return read;
    }

    @Test
    void boundedReadGivesEveryChangeOnceAndEachKeyInOrder() throws Exception {
        Map<String, List<Long>> written = write(150, 0, 8, new HashMap<>());
        assertTrue(engine.partitions("Changes").size() > 2, "partitions split during the workload");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> results = env.fromSource(source().bounded().build(), WatermarkStrategy.noWatermarks(), "changes")
                .executeAndCollect(1_000_000);
        assertEquals(150 * 8, results.size(), "every change exactly once");
        assertEquals(written, versionsByKey(results));
    }

    @RegisterExtension
    final LoggerAuditingExtension enumeratorLog = new LoggerAuditingExtension(ShardSplitEnumerator.class, Level.INFO);

    @RegisterExtension
    final LoggerAuditingExtension readerLog = new LoggerAuditingExtension(ShardSplitReader.class, Level.INFO);

    @Test
    void theLogsFollowEachShardFromDiscoveryToItsEndButNoRecord() throws Exception {
        write(150, 0, 8, new HashMap<>());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        assertEquals(
                150 * 8,
                env.fromSource(source().bounded().build(), WatermarkStrategy.noWatermarks(), "changes")
                        .executeAndCollect(1_000_000)
                        .size());

        List<String> enumerator = enumeratorLog.getMessages();
        List<String> reader = readerLog.getMessages();
        List<String> opened = new ArrayList<>();
        for (String message : reader) {
            if (message.startsWith("Reading shard ")) {
                assertTrue(message.endsWith(" from its first record"), message);
                opened.add(message.split(" ")[2]);
            }
        }
        assertTrue(opened.size() > 2, "the shards of a table whose partitions split: " + reader);
        assertTrue(
                enumerator.stream().anyMatch(m -> m.startsWith("Discovered " + opened.size() + " new shard(s)")),
                "discovery: " + enumerator);
        for (String split : opened) {
            assertTrue(
                    enumerator.stream().anyMatch(m -> m.startsWith("Assigning shard " + split + " ")),
                    split + " assigned: " + enumerator);
            assertTrue(
                    enumerator.stream().anyMatch(m -> m.startsWith("Shard " + split + " finished by reader ")),
                    split + " finished: " + enumerator);
            assertTrue(
                    reader.stream().anyMatch(m -> m.startsWith("Shard " + split + " ended")),
                    split + " ended: " + reader);
        }
        assertTrue(
                enumerator.size() + reader.size() <= 4 * opened.size() + 4,
                "a few lines per shard, none per record: " + (enumerator.size() + reader.size()));
    }

    /** Fails the job once, after some records, to force a restore from the last checkpoint. */
    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    static final AtomicInteger SEEN = new AtomicInteger();

    @Test
    void failureAndRestoreFromCheckpointKeepEveryKeyInOrderExactlyOnce() throws Exception {
        Map<String, List<Long>> written = write(120, 0, 6, new HashMap<>());
        FAILED_ONCE.set(false);
        SEEN.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Restarts.fixedDelay(3));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        List<String> results = env.fromSource(
                        source().bounded()
                                .option(ShardlineSourceOptions.RECORDS_PER_GET, 20)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "changes")
                .map(value -> {
                    if (SEEN.incrementAndGet() == 300 && FAILED_ONCE.compareAndSet(false, true)) {
                        throw new IllegalStateException("injected failure after 300 records");
                    }
                    return value;
                })
                .executeAndCollect(1_000_000);
        assertTrue(FAILED_ONCE.get(), "the failure happened");
        assertEquals(120 * 6, results.size(), "exactly once across the restore");
        assertEquals(written, versionsByKey(results));
    }

    @Test
    void tableNameModeFollowsAReenabledStreamAfterTheOldOneEnds() throws Exception {
        Map<String, List<Long>> written = write(50, 0, 2, new HashMap<>());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<String> changes = env.fromSource(
                ShardlineSource.<String>builder()
                        .tableName("Changes")
                        .endpoint(server.endpoint())
                        .credentials("test", "test")
                        .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                        .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(100))
                        .deserializer(ChangeRecordDeserializationSchema.of(
                                r -> r.keys().get("id").s() + "|"
                                        + r.newImage().get("version").n() + "|" + r.sequenceNumber(),
                                Types.STRING))
                        .build(),
                WatermarkStrategy.noWatermarks(),
                "changes");
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> collected = changes.collectAsync()) {
            JobClient job = env.executeAsync();
            while (results.size() < 50 * 2) {
                results.add(collected.next());
            }
            client.updateTable(r -> r.tableName("Changes").streamSpecification(s -> s.streamEnabled(false)));
            client.updateTable(r -> r.tableName("Changes")
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            write(50, 2, 2, written);
            while (results.size() < 50 * 4) {
                results.add(collected.next());
            }
            job.cancel().get();
        }
        assertEquals(written, versionsByKey(results), "the old stream's changes, then the new stream's, per key");
    }

    @Test
    void unboundedReadFollowsNewShardsWhileWritesContinue() throws Exception {
        Map<String, List<Long>> written = write(100, 0, 3, new HashMap<>());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CompletableFuture<Map<String, List<Long>>> moreWrites =
                CompletableFuture.supplyAsync(() -> write(100, 3, 4, written));
        List<String> results = env.fromSource(source().build(), WatermarkStrategy.noWatermarks(), "changes")
                .executeAndCollect(100 * 7);
        moreWrites.get();
        assertEquals(100 * 7, results.size());
        assertEquals(written, versionsByKey(results), "including changes in shards born after the job started");
    }

    private void createTable(String name, int partitions) {
        server.createTableWithStream(name, partitions);
    }

    private void put(String table, String id) {
        client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private ShardlineSourceBuilder<String> idsOf(ShardlineSourceBuilder<String> builder) {
        return builder.endpoint(server.endpoint())
                .credentials("test", "test")
                .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(100))
                .deserializer(ChangeRecordDeserializationSchema.of(
                        r -> r.keys().get("id").s(), Types.STRING));
    }

    @Test
    void tableNamePatternReadsMatchingTablesIncludingOnesCreatedWhileRunning() throws Exception {
        createTable("Orders-1", 3);
        createTable("Audit", 1);
        put("Orders-1", "first");
        put("Audit", "not-matched");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<String> changes = env.fromSource(
                idsOf(ShardlineSource.<String>builder().tableNamePattern("Orders-\\d+"))
                        .build(),
                WatermarkStrategy.noWatermarks(),
                "orders");
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> collected = changes.collectAsync()) {
            JobClient job = env.executeAsync();
            results.add(collected.next());
            createTable("Orders-2", 2);
            put("Orders-2", "second");
            put("Orders-1", "third");
            results.add(collected.next());
            results.add(collected.next());
            job.cancel().get();
        }
        assertEquals(
                List.of("first", "second", "third"), results.stream().sorted().toList());
    }

    @Test
    void latestStartReadsOnlyChangesMadeAfterTheJobStarted() throws Exception {
        createTable("Clicks", 1);
        for (int i = 0; i < 20; i++) {
            put("Clicks", "before-" + i);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<String> changes = env.fromSource(
                idsOf(ShardlineSource.<String>builder().tableName("Clicks"))
                        .startingAtLatest()
                        .build(),
                WatermarkStrategy.noWatermarks(),
                "clicks");
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> collected = changes.collectAsync()) {
            JobClient job = env.executeAsync();
            AtomicBoolean probing = new AtomicBoolean(true);
            CompletableFuture<Void> probes = CompletableFuture.runAsync(() -> {
                for (int i = 0; probing.get(); i++) {
                    put("Clicks", "probe-" + i);
                    awaitMillis(20);
                }
            });
            String first = collected.next();
            probing.set(false);
            probes.get();
            for (int i = 0; i < 20; i++) {
                put("Clicks", "after-" + i);
            }
            results.add(first);
            while (results.stream().filter(id -> id.startsWith("after-")).count() < 20) {
                results.add(collected.next());
            }
            job.cancel().get();
        }
        assertTrue(
                results.stream().noneMatch(id -> id.startsWith("before-")),
                "nothing from before the start: " + results);
        assertEquals(
                IntStream.range(0, 20).mapToObj(i -> "after-" + i).toList(),
                results.stream().filter(id -> id.startsWith("after-")).toList());
    }

    /** Sleeps in a writer loop that paces itself; not used to wait for a condition. */
    private static void awaitMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void atTimestampStartReadsRecordsCreatedFromThatSecondOn() throws Exception {
        createTable("Visits", 1);
        for (int i = 0; i < 10; i++) {
            put("Visits", "before-" + i);
        }
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(from)) {
            awaitMillis(from.toEpochMilli() - System.currentTimeMillis());
        }
        for (int i = 0; i < 10; i++) {
            put("Visits", "after-" + i);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<String> results = env.fromSource(
                        idsOf(ShardlineSource.<String>builder().tableName("Visits"))
                                .startingAtTimestamp(from)
                                .bounded()
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "visits")
                .executeAndCollect(100);
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "after-" + i).toList(), results);
    }

    /**
     * Idle shards (here two of the idle table's three never get a record) are marked idle by the
     * strategy's idleness; Flink measures it on the source's activity clock, which stands still while
     * the source waits for input, hence the short timeout.
     */
    @Test
    void anIdleShardDoesNotHoldBackTheWatermarkOfABusyOne() throws Exception {
        createTable("Busy-1", 1);
        createTable("Idle-1", 3);
        put("Idle-1", "only");
        put("Busy-1", "start");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<Long> watermarks = env.fromSource(
                        idsOf(ShardlineSource.<String>builder().tableNamePattern("(Busy|Idle)-1"))
                                .build(),
                        WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofMillis(50)),
                        "events")
                .process(new ProcessFunction<String, Long>() {
                    @Override
                    public void processElement(String id, Context context, Collector<Long> out) {
                        out.collect(context.timerService().currentWatermark());
                    }
                });
        long advanced = Long.MIN_VALUE;
        try (CloseableIterator<Long> collected = watermarks.collectAsync()) {
            JobClient job = env.executeAsync();
            for (int i = 0; i < 200 && advanced == Long.MIN_VALUE; i++) {
                put("Busy-1", "event-" + i);
                awaitMillis(25);
                long watermark = collected.next();
                advanced = watermark > 0 ? watermark : advanced;
            }
            job.cancel().get();
        }
        assertTrue(
                advanced > Instant.now().minusSeconds(60).toEpochMilli(),
                "the watermark follows the busy shard while the other idles: " + advanced);
    }

    /** What the running job has passed on, in arrival order (one JVM, so the MiniCluster's tasks share it). */
    static final Queue<String> PASSED = new ConcurrentLinkedQueue<>();

    private JobClient passOn(int parallelism, Configuration config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.enableCheckpointing(100);
        env.fromSource(
                        source().option(ShardlineSourceOptions.RECORDS_PER_GET, 10)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "changes")
                .keyBy(change -> change.substring(0, change.indexOf('|')))
                .map(change -> {
                    PASSED.add(change);
                    return change;
                })
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync();
    }

    private static void awaitPassed(int count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (PASSED.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + PASSED.size() + " of " + count + " changes passed");
            awaitMillis(20);
        }
    }

    @ParameterizedTest(name = "parallelism {0} then {1}")
    @CsvSource({"2, 4", "4, 2"})
    void stopWithSavepointAndResumeAtAnotherParallelismKeepsEveryKeyInOrderExactlyOnce(
            int before, int after, @TempDir Path savepoints) throws Exception {
        PASSED.clear();
        Map<String, List<Long>> written = write(150, 0, 6, new HashMap<>());
        JobClient first = passOn(before, new Configuration());
        String savepoint;
        try {
            awaitPassed(300);
        } finally {
            savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(1, TimeUnit.MINUTES);
        }
        // The first job may or may not have read all 900 changes before its savepoint; either way the
        // three further versions per key written now are read only by the resumed job, from the
        // positions the savepoint holds, so "nothing twice" and "nothing lost" test the resume.
        write(150, 6, 3, written);
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobClient second = passOn(after, restore);
        try {
            awaitPassed(150 * 9);
        } finally {
            second.cancel().get();
        }
        assertEquals(150 * 9, PASSED.size(), "nothing twice");
        assertEquals(written, versionsByKey(new ArrayList<>(PASSED)), "nothing lost, each key in order");
    }
}
