package io.shardline.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.source.ShardlineSourceOptions.TrimmedDataPolicy;
import io.shardline.engine.control.EngineControl;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.EngineProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The source through what production does on its own schedule, produced on demand by the engine's
 * control API while it reads: Amazon's read limits, partition splits, shard rollovers, throttling and
 * 5xx answers, and trimmed records.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShardlineSourceRehearsalITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final int KEYS = 20;
    private static final int VERSIONS = 60;
    /** Rounds of production events, 400 ms apart: a split, a rollover and two faults in every four. */
    private static final int ROUNDS = 16;

    @TempDir
    Path dir;

    private static DynamoDbClient client(EngineProcess engine) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(engine.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** The table Events, keyed by id, with a stream of {@code view} and {@code partitions} partitions. */
    private static void createEvents(DynamoDbClient client, StreamViewType view, int partitions) {
        client.createTable(r -> r.tableName("Events")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .tags(t -> t.key("shardline:partitions").value(Integer.toString(partitions)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    }

    @Test
    void everyKeysChangesArriveOnceAndInOrderUnderAmazonsReadLimitsThroughSplitsRolloversThrottlingAndServerErrors()
            throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"), "--rehearsal");
                DynamoDbClient client = client(engine)) {
            createEvents(client, StreamViewType.NEW_IMAGE, 4);
            EngineControl control = new EngineControl(engine.endpoint());
            control.setLimits(5, 2, null);
            List<String> rehearsed = new ArrayList<>();
            CompletableFuture<Void> production = CompletableFuture.runAsync(() -> {
                String[][] faults = {
                    {"GetRecords", "ThrottlingException"},
                    {"GetRecords", "InternalServerError"},
                    {"GetRecords", "LimitExceededException"},
                    {"GetShardIterator", "ThrottlingException"},
                    {"DescribeStream", "InternalServerError"},
                    {"GetRecords", "DropConnection"}
                };
                for (int round = 0; round < ROUNDS; round++) {
                    switch (round % 4) {
                        case 0 -> control.splitPartition("Events");
                        case 1 -> control.rollOverShards("Events");
                        default -> {
                            String[] fault = faults[round % faults.length];
                            control.injectFault(fault[0], fault[1], 2);
                        }
                    }
                    rehearsed.add(Integer.toString(round % 4));
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                for (int version = 1; version <= VERSIONS; version++) {
                    for (int key = 0; key < KEYS; key++) {
                        int v = version;
                        int k = key;
                        client.putItem(r -> r.tableName("Events")
                                .item(Map.of(
                                        "id",
                                        AttributeValue.fromS("k" + k),
                                        "v",
                                        AttributeValue.fromN(Integer.toString(v)))));
                    }
                }
            });

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(500);
            List<String> changes = env.fromSource(
                            ShardlineSource.<String>builder()
                                    .tableName("Events")
                                    .endpoint(engine.endpoint())
                                    .credentials("test", "test")
                                    .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                                    .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200))
                                    .option(ShardlineSourceOptions.RETRY_BASE_DELAY, Duration.ofMillis(20))
                                    .option(ShardlineSourceOptions.RETRY_MAX_DELAY, Duration.ofMillis(200))
                                    .deserializer(ChangeRecordDeserializationSchema.of(
                                            record -> record.newImage()
                                                            .get("id")
                                                            .s() + "="
                                                    + record.newImage().get("v").n(),
                                            Types.STRING))
                                    .build(),
                            WatermarkStrategy.noWatermarks(),
                            "events")
                    .executeAndCollect(KEYS * VERSIONS);
            writes.get(2, TimeUnit.MINUTES);
            production.get(1, TimeUnit.MINUTES);

            Map<String, List<Integer>> perKey = new LinkedHashMap<>();
            for (String change : changes) {
                String[] parts = change.split("=");
                perKey.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            List<Integer> everyVersion = new ArrayList<>();
            for (int version = 1; version <= VERSIONS; version++) {
                everyVersion.add(version);
            }
            assertThat(perKey).hasSize(KEYS);
            assertThat(perKey.values())
                    .as("each key's versions once each, in order")
                    .allSatisfy(versions -> assertThat(versions).isEqualTo(everyVersion));
            assertThat(rehearsed)
                    .as("splits, rollovers and faults happened while the source read")
                    .contains("0", "1", "2", "3");
            assertThat(control.listPartitions("Events").path("Partitions").size())
                    .as("4 splits made 8 partitions")
                    .isGreaterThan(4);
        }
    }

    /** What the running job read, in arrival order (one JVM, so the MiniCluster's tasks share it). */
    static final Queue<String> READ = new ConcurrentLinkedQueue<>();

    private static JobClient reading(String endpoint, TrimmedDataPolicy policy, Configuration config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(100);
        env.fromSource(
                        ShardlineSource.<String>builder()
                                .tableName("Events")
                                .endpoint(endpoint)
                                .credentials("test", "test")
                                .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                                .option(ShardlineSourceOptions.ON_TRIMMED_DATA, policy)
                                .deserializer(ChangeRecordDeserializationSchema.of(
                                        record -> record.keys().get("id").s(), Types.STRING))
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "events")
                .uid("events")
                .map(id -> {
                    READ.add(id);
                    return id;
                })
                .uid("read")
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync();
    }

    @Test
    void aForcedTrimFailsTheJobWithoutRestartsNamingTheGapOrIsSkippedAsThePolicySays(@TempDir Path savepoints)
            throws Exception {
        READ.clear();
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"), "--rehearsal");
                DynamoDbClient client = client(engine)) {
            createEvents(client, StreamViewType.KEYS_ONLY, 1);
            EngineControl control = new EngineControl(engine.endpoint());
            List.of("a1", "a2", "a3")
                    .forEach(id ->
                            client.putItem(r -> r.tableName("Events").item(Map.of("id", AttributeValue.fromS(id)))));
            JobClient first = reading(engine.endpoint(), TrimmedDataPolicy.FAIL, new Configuration());
            Await.until(Duration.ofMinutes(1), () -> READ.size() == 3, "the first three records read");
            String savepoint = first.stopWithSavepoint(
                            false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(1, TimeUnit.MINUTES);

            List.of("lost1", "lost2")
                    .forEach(id ->
                            client.putItem(r -> r.tableName("Events").item(Map.of("id", AttributeValue.fromS(id)))));
            control.trimStream("Events");
            List.of("c1", "c2")
                    .forEach(id ->
                            client.putItem(r -> r.tableName("Events").item(Map.of("id", AttributeValue.fromS(id)))));

            Configuration restore = new Configuration();
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            JobClient failing = reading(engine.endpoint(), TrimmedDataPolicy.FAIL, restore);
            assertThatThrownBy(() -> failing.getJobExecutionResult().get(1, TimeUnit.MINUTES))
                    .as("the job fails for good, without restarting into the same gap over and over")
                    .satisfies(failure ->
                            assertThat(TrimmedStreamException.causedBy(failure)).isTrue())
                    .hasStackTraceContaining("shardId-")
                    .hasStackTraceContaining(ShardlineSourceOptions.ON_TRIMMED_DATA.key());

            READ.clear();
            JobClient skipping = reading(engine.endpoint(), TrimmedDataPolicy.SKIP_TO_TRIM_HORIZON, restore);
            try {
                Await.until(Duration.ofMinutes(1), () -> READ.size() >= 2, "the records after the trim read");
            } finally {
                skipping.cancel().get(1, TimeUnit.MINUTES);
            }
            assertThat(READ).containsExactly("c1", "c2");
        }
    }
}
