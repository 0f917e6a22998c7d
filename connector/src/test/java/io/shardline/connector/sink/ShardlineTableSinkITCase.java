package io.shardline.connector.sink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.connector.testing.EngineServerResource;
import io.shardline.connector.testing.Restarts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The table sink on a real MiniCluster writing into a real engine server. */
@Timeout(180)
class ShardlineTableSinkITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final EngineServerResource server = new EngineServerResource();
    private DynamoDbClient client;
    private String streamArn;

    @BeforeEach
    void start() {
        server.startUp();
        client = server.client();
        streamArn = server.createTableWithStream("Target", 1);
    }

    @AfterEach
    void stop() {
        client.close();
        server.tearDown();
    }

    /** An update: key, value and version. */
    record Update(String id, long version, boolean delete) {}

    private ShardlineTableSink<Update> sink(int batchesInFlight) {
        return sink(batchesInFlight, 25);
    }

    private ShardlineTableSink<Update> sink(int batchesInFlight, int batchSize) {
        return ShardlineTableSink.<Update>builder()
                .tableName("Target")
                .endpoint(server.endpoint())
                .option(ShardlineTableSinkOptions.BATCH_SIZE, batchSize)
                .credentials("test", "test")
                .option(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER, Duration.ofMillis(20))
                .option(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS, batchesInFlight)
                .writes(u -> u.delete()
                        ? TableWrite.delete(Map.of("id", AttributeValue.fromS(u.id())), u.version())
                        : TableWrite.put(
                                Map.of(
                                        "id",
                                        AttributeValue.fromS(u.id()),
                                        "value",
                                        AttributeValue.fromN(Long.toString(u.version()))),
                                u.version()))
                .build();
    }

    /** The version of every change the target table saw, per key, read from its stream (-1: removed). */
    private Map<String, List<Long>> targetHistory() {
        Map<String, List<Long>> history = new HashMap<>();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String shard = streams.describeStream(r -> r.streamArn(streamArn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String iterator = streams.getShardIterator(r ->
                            r.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current));
                for (Record record : page.records()) {
                    String id = record.dynamodb().keys().get("id").s();
                    long version = record.eventName() == OperationType.REMOVE
                            ? -1
                            : Long.parseLong(
                                    record.dynamodb().newImage().get("value").n());
                    history.computeIfAbsent(id, k -> new ArrayList<>()).add(version);
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return history;
    }

    /** Writes the updates one batch at a time, so they reach the table in this order. */
    private void write(Update... updates) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(updates).sinkTo(sink(1));
        env.execute();
    }

    @Test
    void anOlderWriteArrivingLateIsSkippedButAnOlderPutAfterADeleteWritesAgain() throws Exception {
        write(
                new Update("a", 1, false),
                new Update("a", 3, false),
                new Update("a", 2, false),
                new Update("a", 3, false),
                new Update("b", 1, false),
                new Update("b", 2, true));
        assertEquals(
                "3",
                client.getItem(r -> r.tableName("Target").key(Map.of("id", AttributeValue.fromS("a"))))
                        .item()
                        .get("value")
                        .n());
        assertEquals(
                Map.of("a", List.of(1L, 3L), "b", List.of(1L, -1L)),
                targetHistory(),
                "a never went back, and writing version 3 again changed nothing");
        write(new Update("b", 1, false));
        assertEquals(
                List.of(1L, -1L, 1L),
                targetHistory().get("b"),
                "a delete keeps no version: an older put replayed after it writes the item again");
    }

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger SEEN = new AtomicInteger();

    @Test
    void replaysAfterAFailureNeverMoveAnItemBackwards() throws Exception {
        FAILED.set(false);
        SEEN.set(0);
        List<Update> updates = new ArrayList<>();
        for (int version = 1; version <= 40; version++) {
            for (int key = 0; key < 50; key++) {
                updates.add(new Update("key-" + key, version, false));
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Restarts.fixedDelay(3));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.fromData(updates)
                .setParallelism(1)
                .map(update -> {
                    if (SEEN.incrementAndGet() == 1200 && FAILED.compareAndSet(false, true)) {
                        throw new IllegalStateException("injected failure after 1200 updates");
                    }
                    return update;
                })
                .setParallelism(1)
                .rebalance()
                .sinkTo(sink(4));
        env.execute();
        assertTrue(FAILED.get(), "the failure happened");
        Map<String, List<Long>> history = targetHistory();
        assertEquals(50, history.size());
        history.forEach((key, versions) -> {
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i) > versions.get(i - 1), key + " moved backwards: " + versions);
            }
            assertEquals(40L, versions.get(versions.size() - 1), key + " ends at its last version");
        });
    }

    @Test
    void aKeysPutsAndDeletesReachTheTableInOrderAcrossConcurrentBatches() throws Exception {
        List<Update> updates = new ArrayList<>();
        Map<String, List<Long>> expected = new HashMap<>();
        for (int version = 1; version <= 30; version++) {
            for (int key = 0; key < 20; key++) {
                boolean delete = version % 2 == 0;
                updates.add(new Update("key-" + key, version, delete));
                expected.computeIfAbsent("key-" + key, k -> new ArrayList<>()).add(delete ? -1L : version);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(updates).sinkTo(sink(4, 1));
        env.execute();
        assertEquals(
                expected,
                targetHistory(),
                "with one write per batch and four batches in flight, every put "
                        + "and delete of a key still applied in order");
    }

    @Test
    void putIfAbsentLeavesItemsTheTableHoldsAndInvalidWritesFailTheJobUnlessLeftOut() throws Exception {
        client.putItem(r -> r.tableName("Target")
                .item(Map.of("id", AttributeValue.fromS("held"), "value", AttributeValue.fromS("written again"))));
        List<TableWrite> writes = List.of(
                TableWrite.putIfAbsent(
                        Map.of("id", AttributeValue.fromS("held"), "value", AttributeValue.fromS("old"))),
                TableWrite.putIfAbsent(
                        Map.of("id", AttributeValue.fromN("7"), "value", AttributeValue.fromS("bad key"))),
                TableWrite.putIfAbsent(
                        Map.of("id", AttributeValue.fromS("gone"), "value", AttributeValue.fromS("back"))));

        StreamExecutionEnvironment failing = StreamExecutionEnvironment.getExecutionEnvironment();
        failing.setParallelism(1);
        failing.fromData(writes).sinkTo(restoreSink(true));
        assertThatThrownBy(failing::execute)
                .hasStackTraceContaining("Writing put if absent {")
                .hasStackTraceContaining("id=AttributeValue(N=7)")
                .hasStackTraceContaining("to table Target at ");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(writes).sinkTo(restoreSink(false));
        env.execute();
        assertEquals(
                Map.of("id", AttributeValue.fromS("held"), "value", AttributeValue.fromS("written again")),
                client.getItem(r -> r.tableName("Target").key(Map.of("id", AttributeValue.fromS("held"))))
                        .item());
        assertEquals(
                Map.of("id", AttributeValue.fromS("gone"), "value", AttributeValue.fromS("back")),
                client.getItem(r -> r.tableName("Target").key(Map.of("id", AttributeValue.fromS("gone"))))
                        .item(),
                "restored as it was, without a version attribute");
    }

    private ShardlineTableSink<TableWrite> restoreSink(boolean failOnInvalidWrite) {
        return ShardlineTableSink.<TableWrite>builder()
                .tableName("Target")
                .endpoint(server.endpoint())
                .credentials("test", "test")
                .option(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER, Duration.ofMillis(20))
                .option(ShardlineTableSinkOptions.FAIL_ON_INVALID_WRITE, failOnInvalidWrite)
                .writes(write -> write)
                .build();
    }
}
