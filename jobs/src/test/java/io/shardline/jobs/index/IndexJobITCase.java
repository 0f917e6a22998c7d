package io.shardline.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.Partitions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterRESTAddress;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The index job end to end: a real engine server, a real MiniCluster, a real OpenSearch node behind
 * a proxy that records every version OpenSearch accepted.
 */
@Tag("opensearch")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class IndexJobITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(1).build());

    private static final String TABLE = "Orders";
    private final OpenSearchNode node = OpenSearchNode.shared();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Engine engine;
    private ShardlineServer server;
    private DynamoDbClient client;
    private BulkRecorderProxy proxy;
    private IndexOptions options;
    private String index;

    @TempDir
    Path deadLetters;

    @BeforeEach
    void start() throws Exception {
        engine = Engine.open(EngineConfig.inMemory().withShardRolloverAge(Duration.ofSeconds(2))
                .withMaintenanceInterval(Duration.ofMillis(100)));
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        proxy = new BulkRecorderProxy(node.url());
        index = "orders-" + UUID.randomUUID();
        options = new IndexOptions();
        options.connection.endpoint = server.endpoint();
        options.connection.accessKey = "test";
        options.connection.secretKey = "test";
        options.search.urls = List.of(proxy.url());
        options.table = TABLE;
        options.index = index;
        options.parallelism = 2;
        options.scanSegments = 8;
        options.checkpointInterval = Duration.ofMillis(300);
        options.progressInterval = Duration.ofMillis(500);
        options.deadLetters = deadLetters.toString();
        client = options.connection.settings().createTableClient();
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .tags(software.amazon.awssdk.services.dynamodb.model.Tag.builder().key("shardline:partitions")
                        .value("2").build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.updateTimeToLive(r -> r.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true)
                .attributeName("expires")));
    }

    @AfterEach
    void stop() {
        proxy.close();
        client.close();
        server.close();
        engine.close();
    }

    /** Key {@code n}: partition keys with the id encoding's special characters, two items per partition key. */
    private static Map<String, AttributeValue> key(int n) {
        return Map.of("pk", AttributeValue.fromS("customer|" + (n / 2) + "\\x"), "sk", AttributeValue.fromN(
                Integer.toString(n % 2)));
    }

    /** An item of every attribute type, its values following {@code revision}. */
    private static Map<String, AttributeValue> item(int n, int revision, Long expiresEpochSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(key(n));
        item.put("revision", AttributeValue.fromN(Integer.toString(revision)));
        item.put("total", AttributeValue.fromN("1234567890123456789012345678901234." + revision));
        item.put("name", AttributeValue.fromS("order " + n + " rev " + revision));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) n, (byte) revision, 0, -1})));
        item.put("tags", AttributeValue.fromSs(List.of("a" + revision, "b" + n)));
        item.put("counts", AttributeValue.fromNs(List.of("1", Integer.toString(revision + 2))));
        item.put("paid", AttributeValue.fromBool(revision % 2 == 0));
        item.put("note", AttributeValue.fromNul(true));
        item.put("lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("x"),
                "qty", AttributeValue.fromN(Integer.toString(revision)))))));
        item.put("address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Lyon"),
                "zip", AttributeValue.fromN("69001"))));
        if (expiresEpochSeconds != null) {
            item.put("expires", AttributeValue.fromN(Long.toString(expiresEpochSeconds)));
        }
        return item;
    }

    private void put(Map<String, AttributeValue> item) {
        client.putItem(r -> r.tableName(TABLE).item(item));
    }

    private IndexJob.Running startJob() throws Exception {
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return IndexJob.start(options, StreamExecutionEnvironment.getExecutionEnvironment(restarts), restAddress,
                new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private String restAddress;

    private IndexVerifier.Result verify() {
        try (SearchIndexAdmin admin = new SearchIndexAdmin(options.search.connection())) {
            return IndexVerifier.verify(client, TABLE, admin, index, options.metadataField);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the index equals the table, or returns the last difference after two minutes. */
    private IndexVerifier.Result awaitEqual() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        IndexVerifier.Result result = verify();
        while (!result.equal() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            result = verify();
        }
        return result;
    }

    @Test
    void indexEqualsTheTableAfterSnapshotConcurrentWritesSplitsTtlDeletesAndALostTaskManager(
            @InjectMiniCluster MiniCluster cluster, @InjectClusterRESTAddress URI rest) throws Exception {
        restAddress = rest.toString().replaceAll("/$", "");
        long now = System.currentTimeMillis() / 1000;
        for (int n = 0; n < 2_000; n++) {
            put(item(n, 0, n % 50 == 0 ? now + 3 : null));
        }
        try (IndexJob.Running job = startJob()) {
            Random random = new Random(7);
            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 3_000; i++) {
                    int n = random.nextInt(2_500);
                    if (i % 7 == 0) {
                        client.deleteItem(r -> r.tableName(TABLE).key(key(n)));
                    } else {
                        put(item(n, i, i % 40 == 0 ? System.currentTimeMillis() / 1000 - 1 : null));
                    }
                    if (i % 1_000 == 0) {
                        Partitions.splitWidest(engine, TABLE);
                    }
                }
            });
            awaitDocuments(500);
            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
            writes.get(3, TimeUnit.MINUTES);
            awaitNoExpiredItems();

            IndexVerifier.Result result = awaitEqual();
            assertThat(result.equal()).as(result + "\n" + console.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(result.items()).isGreaterThan(1_500);
            assertThat(proxy.versionsThatWentDown()).isEmpty();
            assertThat(proxy.acceptedActions()).isGreaterThan(result.items());
            assertThat(engine.partitions(TABLE).size()).as("partitions split during the run").isGreaterThan(2);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("snapshot").contains("version conflicts");
            job.cancel();
        }
    }

    /** Waits until the TTL sweeper has deleted every item whose time has passed. */
    private void awaitNoExpiredItems() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            long seconds = System.currentTimeMillis() / 1000;
            boolean expiredLeft = client.scanPaginator(r -> r.tableName(TABLE)).items().stream()
                    .anyMatch(item -> item.containsKey("expires") && Long.parseLong(item.get("expires").n()) < seconds);
            if (!expiredLeft) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the TTL sweeper left expired items for a minute");
    }

    private void awaitDocuments(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (node.count(index) < count) {
            assertThat(System.nanoTime()).as("%d documents indexed", count).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

}
