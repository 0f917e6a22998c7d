package io.shardline.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.sink.opensearch.DeadLetterFile;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.sink.opensearch.OpenSearchSink;
import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.Partitions;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.verify.CopyComparison;
import io.shardline.jobs.verify.IndexVerifier;
import io.shardline.jobs.verify.VerifyCommand;
import io.shardline.jobs.versions.KeyedChange;
import io.shardline.jobs.versions.KeyedVersioner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterRESTAddress;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
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
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The index job end to end: a real engine server, a real MiniCluster, a real OpenSearch node behind
 * a proxy that records every version OpenSearch accepted. It runs against the default OpenSearch
 * only: what it relies on of OpenSearch (external versions, 409s, deletes, gc_deletes, aliases) is
 * what OpenSearchSinkITCase and ItemShapesITCase prove on the newer one too.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class IndexJobITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final String TABLE = "Orders";
    private final OpenSearchNode node = OpenSearchNode.shared();
    /** The proxy of the running test, for operators of its jobs (which run in this JVM). */
    private static volatile BulkRecorderProxy recorder;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Engine engine;
    private ShardlineServer server;
    private DynamoDbClient client;
    private String restAddress;
    private BulkRecorderProxy proxy;
    private IndexOptions options;
    private String index;

    @TempDir
    Path deadLetters;

    @BeforeEach
    void start(@InjectClusterRESTAddress URI rest) throws Exception {
        restAddress = rest.toString().replaceAll("/$", "");
        engine = Engine.open(EngineConfig.inMemory()
                .withShardRolloverAge(Duration.ofSeconds(2))
                .withMaintenanceInterval(Duration.ofMillis(100)));
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        proxy = new BulkRecorderProxy(node.url());
        recorder = proxy;
        index = "orders-" + UUID.randomUUID();
        options = new IndexOptions();
        options.connection.endpoint = server.endpoint();
        options.connection.accessKey = "test";
        options.connection.secretKey = "test";
        options.search.urls = List.of(proxy.url());
        options.table = TABLE;
        options.index = index;
        options.copy.run.parallelism = 2;
        options.copy.scanSegments = 8;
        options.copy.checkpointInterval = Duration.ofMillis(300);
        options.copy.run.progressInterval = Duration.ofMillis(500);
        options.deadLetters = deadLetters.toString();
        client = options.connection.settings().createTableClient();
        client.createTable(r -> r.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                .tags(software.amazon.awssdk.services.dynamodb.model.Tag.builder()
                        .key("shardline:partitions")
                        .value("2")
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.updateTimeToLive(r ->
                r.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
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
        return Map.of(
                "pk",
                AttributeValue.fromS("customer|" + (n / 2) + "\\x"),
                "sk",
                AttributeValue.fromN(Integer.toString(n % 2)));
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
        item.put(
                "lines",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "sku", AttributeValue.fromS("x"), "qty", AttributeValue.fromN(Integer.toString(revision)))))));
        item.put(
                "address",
                AttributeValue.fromM(
                        Map.of("city", AttributeValue.fromS("Lyon"), "zip", AttributeValue.fromN("69001"))));
        if (expiresEpochSeconds != null) {
            item.put("expires", AttributeValue.fromN(Long.toString(expiresEpochSeconds)));
        }
        return item;
    }

    private void put(Map<String, AttributeValue> item) {
        client.putItem(r -> r.tableName(TABLE).item(item));
    }

    private void delete(int n) {
        client.deleteItem(r -> r.tableName(TABLE).key(key(n)));
    }

    private IndexJob.Running startJob() throws Exception {
        return startJob(restarts());
    }

    private IndexJob.Running startJob(Configuration configuration) throws Exception {
        return IndexJob.start(
                options,
                StreamExecutionEnvironment.getExecutionEnvironment(configuration),
                restAddress,
                new PrintStream(console, true, StandardCharsets.UTF_8),
                Clock.systemUTC(),
                RunState.inMemory(configuration
                        .getOptional(StateRecoveryOptions.SAVEPOINT_PATH)
                        .isPresent()));
    }

    private CopyComparison.Result verify() {
        try (SearchIndexAdmin admin = new SearchIndexAdmin(options.search.connection())) {
            return IndexVerifier.verify(client, TABLE, admin, index, options.metadataField, options.typedField);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the index equals the table, or returns the last difference after two minutes. */
    private CopyComparison.Result awaitEqual() throws InterruptedException {
        return Await.latest(Duration.ofMinutes(2), Duration.ofMillis(250), this::verify, CopyComparison.Result::equal);
    }

    @Test
    void indexEqualsTheTableAfterSnapshotConcurrentWritesSplitsTtlDeletesAndALostTaskManager(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
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
                        delete(n);
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

            CopyComparison.Result result = awaitEqual();
            assertThat(result.equal())
                    .as(result + "\n" + console.toString(StandardCharsets.UTF_8))
                    .isTrue();
            assertThat(result.expected()).isGreaterThan(1_500);
            assertThat(proxy.versionsThatWentDown()).isEmpty();
            assertThat(proxy.acceptedActions()).isGreaterThan(result.expected());
            assertThat(engine.partitions(TABLE).size())
                    .as("partitions split during the run")
                    .isGreaterThan(2);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("snapshot")
                    .contains("version conflicts");
            job.cancel();
        }
    }

    private Configuration restarts() {
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return restarts;
    }

    /** Every document of the index: id to version and source. */
    private Map<String, String> documents() {
        Map<String, String> documents = new TreeMap<>();
        try (SearchIndexAdmin admin = new SearchIndexAdmin(options.search.connection())) {
            admin.refresh(index);
            admin.forEachDocument(
                    index,
                    hit -> documents.put(
                            hit.get("_id").asText(), hit.get("_version").asLong() + " " + hit.get("_source")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** Creates the index as the job would, with OpenSearch forgetting deleted documents' versions at once. */
    private void createIndexWithoutDeleteTombstones() {
        try (SearchIndexAdmin admin = new SearchIndexAdmin(options.search.connection())) {
            admin.createForItems(index, options.metadataField, options.typedField);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(node.request("PUT", "/" + index + "/_settings", "{\"index.gc_deletes\":\"0s\"}")
                        .path("acknowledged")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aReplayFromAnEarlierSavepointLeavesTheIndexAsItWas(@TempDir Path savepoints) throws Exception {
        for (int n = 0; n < 600; n++) {
            put(item(n, 0, null));
        }
        createIndexWithoutDeleteTombstones();
        String savepoint;
        try (IndexJob.Running job = startJob()) {
            assertThat(awaitEqual().equal()).isTrue();
            savepoint = job.job()
                    .triggerSavepoint(savepoints.toString(), SavepointFormatType.CANONICAL)
                    .get(2, TimeUnit.MINUTES);
            for (int n = 0; n < 300; n++) {
                put(item(n, 1, null));
            }
            for (int n = 200; n < 400; n++) {
                delete(n);
            }
            assertThat(awaitEqual().equal()).isTrue();
            job.job().cancel().get(1, TimeUnit.MINUTES);
        }
        Map<String, String> before = documents();
        assertThat(before).hasSize(400);

        Configuration fromSavepoint = restarts();
        fromSavepoint.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        try (IndexJob.Running replay = startJob(fromSavepoint)) {
            JobMetrics metrics =
                    new JobMetrics(restAddress, replay.job().getJobID().toHexString());
            Await.until(
                    Duration.ofMinutes(2),
                    () -> metrics.read(".shardline.").sum(".shardline.versionConflicts") >= 200,
                    "the replay of 200 updates meeting their versions");
            Map<String, String> after =
                    Await.latest(Duration.ofMinutes(1), Duration.ofMillis(200), this::documents, before::equals);
            replay.job().cancel().get(1, TimeUnit.MINUTES);
            assertThat(after.keySet()).as("the documents before the replay").isEqualTo(before.keySet());
            before.forEach((id, document) -> assertThat(after.get(id))
                    .as("document %s as before the replay", id)
                    .isEqualTo(document));
        }
    }

    /** Makes OpenSearch forget deleted documents' versions (gc_deletes 0 s, then a flush) until an older write of {@code id} gets in. */
    private void awaitOpenSearchForgets(String id, long olderVersion) throws InterruptedException {
        Await.until(
                Duration.ofSeconds(30),
                () -> {
                    node.request("POST", "/" + index + "/_flush", null);
                    node.request(
                            "PUT",
                            "/" + index + "/_doc/" + id + "?version=" + olderVersion + "&version_type=external",
                            "{\"a\":0}");
                    return node.document(index, id) != null;
                },
                "OpenSearch forgetting a delete after gc_deletes");
    }

    /**
     * Passes the job's elements on, but holds a snapshot item back until the proxy saw OpenSearch
     * accept its item's delete and OpenSearch has forgotten deletes: a probe document, deleted after
     * it, takes an older write again.
     */
    private record AfterOpenSearchForgotTheDelete(String url, String index)
            implements MapFunction<KeyedChange, KeyedChange> {
        @Override
        public KeyedChange map(KeyedChange change) throws Exception {
            if (change.snapshot) {
                HttpClient http = HttpClient.newHttpClient();
                Await.until(
                        Duration.ofMinutes(1),
                        () -> recorder.acceptedDelete(change.key),
                        "OpenSearch accepting the delete of " + change.key);
                String probe = "/" + index + "/_doc/probe-" + change.key;
                send(http, "PUT", probe + "?version=10&version_type=external", "{}");
                send(http, "DELETE", probe + "?version=11&version_type=external", null);
                Await.until(
                        Duration.ofSeconds(30),
                        () -> {
                            send(http, "POST", "/" + index + "/_flush", null);
                            return send(http, "PUT", probe + "?version=5&version_type=external", "{}") != 409;
                        },
                        "OpenSearch forgetting the probe's delete");
            }
            return change;
        }

        private int send(HttpClient http, String method, String path, String json) {
            try {
                return http.send(
                                HttpRequest.newBuilder(URI.create(url + path))
                                        .header("Content-Type", "application/json")
                                        .method(
                                                method,
                                                json == null
                                                        ? HttpRequest.BodyPublishers.noBody()
                                                        : HttpRequest.BodyPublishers.ofString(json))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aLateOlderWriteAfterOpenSearchForgotADeleteDoesNotBringTheDocumentBack() throws Exception {
        createIndexWithoutDeleteTombstones();
        long second = 1_764_000_000L;
        long older = second << KeyedVersioner.COUNTER_BITS;
        long newer = (second + 5) << KeyedVersioner.COUNTER_BITS;
        node.request("PUT", "/" + index + "/_doc/control?version=" + newer + "&version_type=external", "{\"a\":1}");
        node.request("DELETE", "/" + index + "/_doc/control?version=" + (newer + 1) + "&version_type=external", null);
        awaitOpenSearchForgets("control", older);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(
                        KeyedChange.changed("k", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), (second + 4) * 1000),
                        KeyedChange.removed("k", null, (second + 5) * 1000),
                        KeyedChange.snapshot("k", "{\"a\":0}".getBytes(StandardCharsets.UTF_8), second))
                .map(new AfterOpenSearchForgotTheDelete(node.url(), index))
                .keyBy(change -> change.key)
                .process(new KeyedVersioner(Duration.ofHours(1)))
                .sinkTo(OpenSearchSink.<KeyedChange>builder()
                        .connection(options.search.connection())
                        .index(index)
                        .documents(IndexPipeline::document)
                        .deadLetters(DeadLetterFile.in(deadLetters, TABLE))
                        .build());
        env.execute("late older write");
        node.refresh(index);
        assertThat(node.document(index, "k")).isNull();
    }

    @Test
    void rebuildMovesTheAliasOnceCaughtUpAndSearchesOfTheAliasNeverComeBackEmpty() throws Exception {
        for (int n = 0; n < 1_500; n++) {
            put(item(n, 0, null));
        }
        String alias = index;
        node.request("PUT", "/" + alias + "-old/_doc/earlier?refresh=true", "{\"name\":\"the index before\"}");
        node.request(
                "POST",
                "/_aliases",
                "{\"actions\":[{\"add\":{\"index\":\"" + alias + "-old\",\"alias\":\"" + alias + "\"}}]}");
        options.rebuild = true;
        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicLong searches = new AtomicLong();
        AtomicLong emptyOrFailed = new AtomicLong();
        CompletableFuture<Void> searcher = CompletableFuture.runAsync(() -> {
            while (searching.get()) {
                JsonNode answer = node.request("GET", "/" + alias + "/_search?size=0", null);
                searches.incrementAndGet();
                if (answer.path("hits").path("total").path("value").asLong(0) == 0) {
                    emptyOrFailed.incrementAndGet();
                }
            }
        });
        try (IndexJob.Running job = startJob()) {
            String moved = job.progress().aliasMoved().get(2, TimeUnit.MINUTES);
            assertThat(moved).startsWith(alias + "-").isNotEqualTo(alias + "-old");
            for (int i = 0; i < 20; i++) {
                node.request("GET", "/" + alias + "/_search?size=0", null);
            }
            searching.set(false);
            searcher.get(1, TimeUnit.MINUTES);
            assertThat(searches.get()).isGreaterThan(10);
            assertThat(emptyOrFailed.get())
                    .as("searches of the alias that found nothing")
                    .isZero();
            assertThat(node.request("GET", "/_alias/" + alias, null).fieldNames())
                    .toIterable()
                    .containsExactly(moved);
            assertThat(awaitEqual().equal()).isTrue();
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("alias " + alias + " now points at " + moved);
            job.job().cancel().get(1, TimeUnit.MINUTES);
        } finally {
            searching.set(false);
        }
    }

    @Test
    void aDocumentOpenSearchRefusesGoesToTheDeadLettersAndVerifyReportsIt() throws Exception {
        for (int n = 0; n < 300; n++) {
            put(item(n, 0, null));
        }
        Map<String, AttributeValue> refused = new HashMap<>(item(300, 0, null));
        refused.put(".hidden", AttributeValue.fromS("a name OpenSearch refuses as a field"));
        put(refused);
        String refusedId = new ItemDocuments(List.of("pk", "sk"), options.metadataField).id(refused);
        try (IndexJob.Running job = startJob()) {
            Await.until(
                    Duration.ofMinutes(2),
                    () -> !deadLetterIds().isEmpty() && node.count(index) >= 300,
                    "a dead letter and 300 documents");
            job.job().cancel().get(1, TimeUnit.MINUTES);
        }
        assertThat(deadLetterIds())
                .as("the snapshot's write and, in the handoff second, the stream's")
                .isNotEmpty()
                .containsOnly(refusedId);
        StringWriter printed = new StringWriter();
        int exit = new CommandLine(new VerifyCommand())
                .setOut(new PrintWriter(printed))
                .execute(
                        "--endpoint",
                        server.endpoint(),
                        "--access-key",
                        "test",
                        "--secret-key",
                        "test",
                        "--opensearch",
                        proxy.url(),
                        "--table",
                        TABLE,
                        "--index",
                        index);
        assertThat(exit).isEqualTo(1);
        assertThat(printed.toString())
                .contains(
                        "301 items expected",
                        "index " + index + ": 300 held",
                        "missing 1 [" + refusedId + "]",
                        "extra 0",
                        "different 0",
                        "differs");
    }

    private List<String> deadLetterIds() {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(deadLetters)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    ids.add(new ObjectMapper().readTree(line).get("id").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    @Test
    void itemsTimeToLiveDeletedStayInTheIndexWithKeep() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        for (int n = 0; n < 200; n++) {
            put(item(n, 0, n < 20 ? now + 2 : null));
        }
        options.onTtlDelete = IndexOptions.TtlDeletes.keep;
        try (IndexJob.Running job = startJob()) {
            awaitDocuments(200);
            delete(150);
            awaitNoExpiredItems();
            CopyComparison.Result result = Await.latest(
                    Duration.ofMinutes(1),
                    Duration.ofMillis(100),
                    this::verify,
                    found -> found.held() == 199 && found.extra() == 20);
            assertThat(result.expected()).isEqualTo(179);
            assertThat(result.extra()).as("the TTL-deleted items' documents").isEqualTo(20);
            assertThat(result.missing()).isZero();
            assertThat(result.different()).isZero();
            assertThat(node.document(index, new ItemDocuments(List.of("pk", "sk"), "@shardline").id(key(150))))
                    .as("a user's delete still deletes")
                    .isNull();
            job.job().cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /** Waits until the TTL sweeper has deleted every item whose time has passed. */
    private void awaitNoExpiredItems() throws InterruptedException {
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

    private void awaitDocuments(long count) throws InterruptedException {
        long held = Await.latest(
                Duration.ofMinutes(1), Duration.ofMillis(100), () -> node.count(index), found -> found >= count);
        assertThat(held)
                .as(
                        "documents indexed; dead letters %s; job: %s",
                        deadLetterIds(), console.toString(StandardCharsets.UTF_8))
                .isGreaterThanOrEqualTo(count);
    }
}
