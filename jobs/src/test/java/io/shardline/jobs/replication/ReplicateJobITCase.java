package io.shardline.jobs.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.EngineProcess;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.verify.CopyComparison;
import io.shardline.jobs.verify.TableVerifier;
import io.shardline.jobs.verify.VerifyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The replication job end to end: engine servers (in their own processes where the test needs
 * it), a real MiniCluster, the real AWS SDK, and the same verifier users run.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ReplicateJobITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final String TABLE = "Orders";
    private static final String VERSION = "shardline:version";
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private String restAddress;

    @TempDir
    Path dir;

    @BeforeEach
    void rest(@InjectClusterRESTAddress URI rest) {
        restAddress = rest.toString().replaceAll("/$", "");
    }

    private static TableConnection connection(String endpoint) {
        return TableConnection.of(endpoint, "us-east-1", "test", "test");
    }

    private ReplicationOptions options(String sourceEndpoint, String... targets) {
        ReplicationOptions options = new ReplicationOptions();
        options.connection = connection(sourceEndpoint);
        options.table = TABLE;
        options.targets = List.of(targets);
        options.copy.run.parallelism = 2;
        options.copy.scanSegments = 6;
        options.copy.checkpointInterval = Duration.ofMillis(300);
        options.copy.run.progressInterval = Duration.ofMillis(500);
        return options;
    }

    private ReplicateJob.Running start(ReplicationOptions options) throws Exception {
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return ReplicateJob.start(
                options,
                StreamExecutionEnvironment.getExecutionEnvironment(restarts),
                restAddress,
                new PrintStream(console, true, StandardCharsets.UTF_8),
                Clock.systemUTC(),
                RunState.inMemory(false));
    }

    /** Orders keyed by pk (S) and sk (N), with a global index by name, a stream of both images, and TTL on {@code expires}. */
    private static void createSource(DynamoDbClient client, int partitions) {
        client.createTable(r -> r.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S),
                        attribute("sk", ScalarAttributeType.N),
                        attribute("name", ScalarAttributeType.S))
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                .globalSecondaryIndexes(g -> g.indexName("byName")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("name")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .tags(Tag.builder()
                        .key("shardline:partitions")
                        .value(Integer.toString(partitions))
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.updateTimeToLive(r ->
                r.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static Map<String, AttributeValue> key(int n) {
        return Map.of(
                "pk", AttributeValue.fromS("customer#" + n / 2), "sk", AttributeValue.fromN(Integer.toString(n % 2)));
    }

    /** An order of every attribute type, its values following {@code revision}. */
    private static Map<String, AttributeValue> item(int n, int revision, Long expiresEpochSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(key(n));
        item.put("name", AttributeValue.fromS("order " + n % 97));
        item.put("status", AttributeValue.fromS((n + revision) % 3 == 0 ? "active" : "closed"));
        item.put("email", AttributeValue.fromS("c" + n + "@example.com"));
        item.put("total", AttributeValue.fromN("98765432109876543210987654321.0" + revision));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) n, (byte) revision, 0, -1})));
        item.put("tags", AttributeValue.fromSs(List.of("r" + revision, "n" + n)));
        item.put("counts", AttributeValue.fromNs(List.of("1", Integer.toString(revision + 2))));
        item.put(
                "blobs",
                AttributeValue.fromBs(List.of(
                        SdkBytes.fromByteArray(new byte[] {1}),
                        SdkBytes.fromByteArray(new byte[] {(byte) revision, 2}))));
        item.put("paid", AttributeValue.fromBool(revision % 2 == 0));
        item.put("note", AttributeValue.fromNul(true));
        item.put(
                "lines",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "sku", AttributeValue.fromS("x"), "qty", AttributeValue.fromN(Integer.toString(revision)))))));
        item.put(
                "address",
                AttributeValue.fromM(
                        Map.of("city", AttributeValue.fromS("Lyon " + n % 5), "zip", AttributeValue.fromN("69001"))));
        if (expiresEpochSeconds != null) {
            item.put("expires", AttributeValue.fromN(Long.toString(expiresEpochSeconds)));
        }
        return item;
    }

    private static CopyComparison.Result awaitEqual(
            DynamoDbClient source, DynamoDbClient target, String targetTable, ItemSelection selection)
            throws InterruptedException {
        return Await.latest(
                Duration.ofMinutes(2),
                Duration.ofMillis(250),
                () -> compare(source, target, targetTable, selection),
                CopyComparison.Result::equal);
    }

    private static CopyComparison.Result compare(
            DynamoDbClient source, DynamoDbClient target, String targetTable, ItemSelection selection) {
        return TableVerifier.verify(source, TABLE, target, targetTable, List.of("pk", "sk"), VERSION, selection);
    }

    private static ItemSelection everything() {
        return new ItemSelection(List.of("pk", "sk"), null, null, null, null, null);
    }

    private static void awaitNoExpiredItems(DynamoDbClient client) throws InterruptedException {
        Await.until(
                Duration.ofMinutes(1),
                () -> {
                    long seconds = System.currentTimeMillis() / 1000;
                    return client.scanPaginator(r -> r.tableName(TABLE)).items().stream()
                            .noneMatch(item -> item.containsKey("expires")
                                    && Long.parseLong(item.get("expires").n()) < seconds);
                },
                "the TTL sweeper deleting every expired item");
    }

    private static long count(DynamoDbClient client, String table) {
        return client.scanPaginator(r -> r.tableName(table).select("COUNT")).stream()
                .mapToLong(p -> p.count())
                .sum();
    }

    @Test
    void replicasInAnotherEngineAndTheSameOneEqualTheSourceAfterSplitsRolloversDeletesTtlAndALostTaskManager(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        try (EngineProcess sourceEngine = EngineProcess.start(
                        dir.resolve("source"),
                        "--partition-split-size",
                        "96KB",
                        "--shard-rollover",
                        "3s",
                        "--maintenance-interval",
                        "200ms");
                EngineProcess targetEngine = EngineProcess.start(dir.resolve("target"));
                DynamoDbClient source =
                        connection(sourceEngine.endpoint()).settings().createTableClient();
                DynamoDbClient target =
                        connection(targetEngine.endpoint()).settings().createTableClient()) {
            createSource(source, 2);
            long now = System.currentTimeMillis() / 1000;
            for (int n = 0; n < 1_500; n++) {
                Map<String, AttributeValue> item = item(n, 0, n % 50 == 0 ? now + 3 : null);
                source.putItem(r -> r.tableName(TABLE).item(item));
            }
            ReplicationOptions options =
                    options(sourceEngine.endpoint(), "table=Replica,endpoint=" + targetEngine.endpoint(), "LocalCopy");
            try (ReplicateJob.Running job = start(options)) {
                Random random = new Random(11);
                CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                    for (int i = 1; i <= 3_000; i++) {
                        int n = random.nextInt(2_000);
                        if (i % 7 == 0) {
                            source.deleteItem(r -> r.tableName(TABLE).key(key(n)));
                        } else {
                            Map<String, AttributeValue> item =
                                    item(n, i, i % 40 == 0 ? System.currentTimeMillis() / 1000 - 1 : null);
                            source.putItem(r -> r.tableName(TABLE).item(item));
                        }
                    }
                });
                Await.until(
                        Duration.ofMinutes(1),
                        () -> count(target, "Replica") >= 500,
                        "500 items replicated (" + "source engine " + sourceEngine.status() + ")");
                cluster.terminateTaskManager(0).get();
                cluster.startTaskManager();
                writes.get(3, TimeUnit.MINUTES);
                awaitNoExpiredItems(source);

                CopyComparison.Result replica = awaitEqual(source, target, "Replica", everything());
                assertThat(replica.equal())
                        .as(replica + "\n" + console.toString(StandardCharsets.UTF_8))
                        .isTrue();
                assertThat(replica.expected()).isGreaterThan(1_000);
                CopyComparison.Result local = awaitEqual(source, source, "LocalCopy", everything());
                assertThat(local.equal()).as(local.toString()).isTrue();
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
            assertThat(target.describeTable(r -> r.tableName("Replica")).table().globalSecondaryIndexes())
                    .extracting(index -> index.indexName())
                    .containsExactly("byName");
            List<Shard> shards = shards(sourceEngine.endpoint(), TABLE);
            Map<String, Long> children = new HashMap<>();
            shards.stream()
                    .filter(shard -> shard.parentShardId() != null)
                    .forEach(shard -> children.merge(shard.parentShardId(), 1L, Long::sum));
            assertThat(children.values())
                    .as("the source's partitions split (two children) and its shards rolled over "
                            + "(one child) during the run")
                    .contains(1L, 2L);
            assertVersionsOnlyGrowInTargetStream(targetEngine.endpoint(), "Replica");
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("snapshot", "writes/s", "Replica at " + targetEngine.endpoint(), "LocalCopy");
            StringWriter printed = new StringWriter();
            int exit = new CommandLine(new VerifyCommand())
                    .setOut(new PrintWriter(printed))
                    .execute(
                            "--endpoint",
                            sourceEngine.endpoint(),
                            "--access-key",
                            "test",
                            "--secret-key",
                            "test",
                            "--table",
                            TABLE,
                            "--target-table",
                            "Replica",
                            "--target-endpoint",
                            targetEngine.endpoint());
            assertThat(exit).as(printed.toString()).isZero();
            assertThat(printed.toString()).contains("missing 0", "extra 0", "different 0", "equals the table");
        }
    }

    private static DynamoDbStreamsClient streams(String endpoint) {
        return connection(endpoint).settings().createClient();
    }

    private static List<Shard> shards(String endpoint, String table) {
        try (DynamoDbClient client = connection(endpoint).settings().createTableClient();
                DynamoDbStreamsClient streams = streams(endpoint)) {
            String arn = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            List<Shard> shards = new ArrayList<>();
            String after = null;
            do {
                String start = after;
                var description = streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(start))
                        .streamDescription();
                shards.addAll(description.shards());
                after = description.lastEvaluatedShardId();
            } while (after != null);
            return shards;
        }
    }

    /**
     * Reads the target's own stream and checks that no update moved an item back: every MODIFY has a
     * higher version in its new image than in its old one. A restart replays writes made after the
     * last checkpoint, so an item deleted in that window may be put again with an older version (an
     * INSERT) until the replay reaches the delete: that is what the target sees in the meantime, and
     * each such return must end, removed again or overtaken by a newer version.
     */
    private static void assertVersionsOnlyGrowInTargetStream(String endpoint, String table) {
        List<Record> records = new ArrayList<>();
        try (DynamoDbClient client = connection(endpoint).settings().createTableClient();
                DynamoDbStreamsClient streams = streams(endpoint)) {
            String arn = client.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            for (Shard shard : shards(endpoint, table)) {
                String iterator = streams.getShardIterator(r -> r.streamArn(arn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    var page = streams.getRecords(r -> r.shardIterator(current));
                    records.addAll(page.records());
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        records.sort(
                Comparator.comparing(record -> new BigInteger(record.dynamodb().sequenceNumber())));
        Map<Map<String, AttributeValue>, Long> lastRemoved = new HashMap<>();
        Map<Map<String, AttributeValue>, Long> returned = new HashMap<>();
        long modifies = 0;
        for (Record record : records) {
            Map<String, AttributeValue> key = record.dynamodb().keys();
            if (record.eventName() == OperationType.REMOVE) {
                lastRemoved.put(key, version(record.dynamodb().oldImage()));
                returned.remove(key);
                continue;
            }
            long version = version(record.dynamodb().newImage());
            if (record.eventName() == OperationType.MODIFY) {
                modifies++;
                assertThat(version)
                        .as("an update of " + key + " in the target's stream")
                        .isGreaterThan(version(record.dynamodb().oldImage()));
            } else if (lastRemoved.containsKey(key) && version <= lastRemoved.get(key)) {
                returned.put(key, lastRemoved.get(key));
            }
            if (returned.containsKey(key) && version > returned.get(key)) {
                returned.remove(key);
            }
        }
        assertThat(returned)
                .as("deleted items a replay brought back and nothing removed again")
                .isEmpty();
        assertThat(modifies).isGreaterThan(100);
    }

    private static long version(Map<String, AttributeValue> image) {
        return Long.parseLong(image.get(VERSION).n());
    }

    @Test
    void aFilterAndProjectionReplicateExactlyTheSelectedItemsAndAttributesAndTtlDeletesCanBeSkipped() throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory().withMaintenanceInterval(Duration.ofMillis(100)));
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = connection(server.endpoint()).settings().createTableClient()) {
            createSource(client, 1);
            for (int n = 0; n < 300; n++) {
                Map<String, AttributeValue> item = item(n, 0, null);
                client.putItem(r -> r.tableName(TABLE).item(item));
            }
            ReplicationOptions options = options(server.endpoint(), "Active");
            options.copy.run.parallelism = 1;
            options.filter = "#s = :active AND attribute_exists(email)";
            options.projection = "email, #s, address.city";
            options.expressionNames = Map.of("#s", "status");
            options.expressionValues = "{\":active\": {\"S\": \"active\"}}";
            options.onTtlDelete = ReplicationOptions.TtlDeletes.skip;
            ItemSelection selection = new ItemSelection(
                    List.of("pk", "sk"),
                    options.filter,
                    options.projection,
                    options.expressionNames,
                    options.expressionValues,
                    null);
            try (ReplicateJob.Running job = start(options)) {
                for (int n = 0; n < 120; n++) {
                    if (n % 10 == 0) {
                        Map<String, AttributeValue> removed = key(n);
                        client.deleteItem(r -> r.tableName(TABLE).key(removed));
                    } else {
                        Map<String, AttributeValue> item = item(n, 1, null);
                        client.putItem(r -> r.tableName(TABLE).item(item));
                    }
                }
                CopyComparison.Result result = awaitEqual(client, client, "Active", selection);
                assertThat(result.equal())
                        .as(result + "\n" + console.toString(StandardCharsets.UTF_8))
                        .isTrue();
                long active = client.scanPaginator(r -> r.tableName(TABLE)).items().stream()
                        .filter(item -> item.get("status").s().equals("active"))
                        .count();
                assertThat(result.expected()).isEqualTo(active).isBetween(80L, 120L);
                Set<String> attributes = new HashSet<>();
                client.scanPaginator(r -> r.tableName("Active")).items().forEach(item -> {
                    attributes.addAll(item.keySet());
                    assertThat(item.get("address").m().keySet()).containsExactly("city");
                    assertThat(item.get("status").s()).isEqualTo("active");
                });
                assertThat(attributes).containsExactlyInAnyOrder("pk", "sk", "email", "status", "address", VERSION);

                Map<String, AttributeValue> expiring = item(3, 0, System.currentTimeMillis() / 1000 - 1);
                client.putItem(r -> r.tableName(TABLE).item(expiring));
                Await.until(
                        Duration.ofMinutes(1),
                        () -> client.getItem(r -> r.tableName(TABLE).key(key(3)).consistentRead(true))
                                .item()
                                .isEmpty(),
                        "the TTL sweeper deleting the expired item");
                Map<String, AttributeValue> marker = item(299, 1, null);
                client.putItem(r -> r.tableName(TABLE).item(marker));
                Await.until(
                        Duration.ofMinutes(1),
                        () -> !client.getItem(
                                        r -> r.tableName("Active").key(key(299)).consistentRead(true))
                                .item()
                                .isEmpty(),
                        "a later change of the same shard replicated");
                assertThat(client.getItem(r -> r.tableName("Active").key(key(3)).consistentRead(true))
                                .item())
                        .as("with --on-ttl-delete skip, an item TTL deleted stays in the target")
                        .isNotEmpty();
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
        } finally {
            engine.close();
        }
    }

    @Test
    void aTargetWithAnotherKeySchemaIsRefusedBeforeAnythingIsWrittenOrCreated() throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory());
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = connection(server.endpoint()).settings().createTableClient()) {
            createSource(client, 1);
            Map<String, AttributeValue> item = item(1, 0, null);
            client.putItem(r -> r.tableName(TABLE).item(item));
            client.createTable(r -> r.tableName("Wrong")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build()));
            assertThatThrownBy(() -> start(options(server.endpoint(), "Fresh", "Wrong")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Target table Wrong has key schema [id S HASH]")
                    .hasMessageContaining("source table Orders has [pk S HASH, sk N RANGE]");
            assertThat(client.listTables().tableNames()).containsExactlyInAnyOrder(TABLE, "Wrong");
            assertThat(count(client, "Wrong")).isZero();
            assertThatThrownBy(() -> start(options(server.endpoint(), TABLE)))
                    .hasMessageContaining("is the source table itself");
        } finally {
            engine.close();
        }
    }

    @Test
    void aTargetThatIsDownForAWhileCatchesUpWhenItReturnsLosingNothing() throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory());
        Path targetData = dir.resolve("target");
        EngineProcess targetEngine = EngineProcess.start(targetData);
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient source = connection(server.endpoint()).settings().createTableClient();
                TcpRelay relay = new TcpRelay(targetEngine.endpoint());
                DynamoDbClient target = connection(relay.endpoint()).settings().createTableClient()) {
            createSource(source, 2);
            for (int n = 0; n < 200; n++) {
                Map<String, AttributeValue> item = item(n, 0, null);
                source.putItem(r -> r.tableName(TABLE).item(item));
            }
            ReplicationOptions options = options(server.endpoint(), "table=Replica,endpoint=" + relay.endpoint());
            options.writeRetryMaxDelay = Duration.ofMillis(500);
            try (ReplicateJob.Running job = start(options)) {
                assertThat(awaitEqual(source, target, "Replica", everything()).equal())
                        .isTrue();
                targetEngine.kill();
                for (int n = 100; n < 400; n++) {
                    if (n % 5 == 0) {
                        Map<String, AttributeValue> removed = key(n);
                        source.deleteItem(r -> r.tableName(TABLE).key(removed));
                    } else {
                        Map<String, AttributeValue> item = item(n, 1, null);
                        source.putItem(r -> r.tableName(TABLE).item(item));
                    }
                }
                JobMetrics metrics =
                        new JobMetrics(restAddress, job.job().getJobID().toHexString());
                Await.until(
                        Duration.ofMinutes(1),
                        () -> metrics.read(".shardline.").sum(".shardline.writesResent") > 0,
                        "the job sending writes again while the target is down");
                targetEngine = EngineProcess.start(targetData);
                relay.forwardTo(targetEngine.endpoint());
                CopyComparison.Result result = awaitEqual(source, target, "Replica", everything());
                assertThat(result.equal())
                        .as(result + "\n" + console.toString(StandardCharsets.UTF_8))
                        .isTrue();
                assertThat(result.expected()).isEqualTo(400 - 300 / 5);
                assertThat(console.toString(StandardCharsets.UTF_8)).contains("writes resent");
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
        } finally {
            targetEngine.close();
            engine.close();
        }
    }
}
