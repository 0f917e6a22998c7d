package io.shardline.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.Await;
import io.shardline.jobs.archive.ArchiveFiles;
import io.shardline.jobs.archive.ArchiveFormat;
import io.shardline.jobs.game.GameEvent;
import io.shardline.jobs.game.GameEventGenerator;
import io.shardline.jobs.game.GameEventWriter;
import io.shardline.jobs.game.GameMetricsOptions;
import io.shardline.jobs.game.GameTables;
import io.shardline.jobs.game.WindowExpectation;
import io.shardline.jobs.game.WindowResult;
import io.shardline.jobs.search.SearchConnectionOptions;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.verify.CopyComparison;
import io.shardline.jobs.verify.IndexVerifier;
import io.shardline.jobs.verify.TableVerifier;
import io.shardline.jobs.verify.VerifyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The cluster jar ({@code jobs/target/shardline-jobs-flink.jar}) submitted the way users submit it,
 * with Flink's command-line client, to a standalone Flink session cluster of separate JVMs (a
 * JobManager and two TaskManagers) whose class path has nothing of Shardline, the AWS SDK or
 * Jackson: replication, game metrics, the OpenSearch index, TTL archival and restore, and a SQL
 * statement, each against the engine's server; one TaskManager killed with SIGKILL midway; stopped
 * with a savepoint and resumed from it; results compared exactly; metrics scraped from Flink's
 * Prometheus reporter; the DynamoDB operations each job called held against its documented IAM policy.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterITCase {
    private static final Path CLUSTER_JAR = Path.of("target", "shardline-jobs-flink.jar");
    private static final String TABLE = "Orders";
    private static final String REPLICA = "OrdersReplica";
    private static final String SESSIONS = "Sessions";
    private static final Pattern METRIC_NAME = Pattern.compile("flink_(taskmanager|jobmanager)_\\w+");
    private static final Pattern OPENSEARCH_SINK_METRIC =
            Pattern.compile("_shardline_(documentsIndexed|documentsDeleted|versionConflicts|retries|deadLetters)$");
    private static final long GAME_START = Instant.parse("2026-11-28T10:00:00Z").toEpochMilli();
    private static final long GAME_STEP_MILLIS = 100;

    /** The cluster all tests share (it takes about 13 s to start); each test leaves it as it found it. */
    private static StandaloneFlinkCluster cluster;

    @TempDir
    static Path home;

    @TempDir
    Path dir;

    private Engine engine;
    private ShardlineServer server;
    private DynamoDbClient client;
    private OperationRecorder recorder;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneFlinkCluster.start(home.resolve("flink"), 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        engine = Engine.open(EngineConfig.inMemory().withMaintenanceInterval(Duration.ofMillis(200)));
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        recorder = new OperationRecorder(server.endpoint());
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            cluster.reset(2);
        } finally {
            client.close();
            recorder.close();
            server.close();
            engine.close();
        }
    }

    /** The jobs' connection to the engine, through the recorder of the operations they call. */
    private List<String> connection() {
        return List.of(
                "--endpoint",
                recorder.endpoint(),
                "--region",
                "us-east-1",
                "--access-key",
                "test",
                "--secret-key",
                "test");
    }

    @Test
    void aReplicationSurvivesAKilledTaskManagerAndASavepointAndItsMetricsAreScraped() throws Exception {
        createTable(TABLE, true);
        Random random = new Random(7);
        write(random, 0, 400);
        List<String> arguments = new ArrayList<>(connection());
        arguments.addAll(
                List.of("--table", TABLE, "--target", REPLICA, "--parallelism", "2", "--checkpoint-interval", "500ms"));
        StandaloneFlinkCluster.SubmittedJob job =
                cluster.run(CLUSTER_JAR, "io.shardline.jobs.replication.ReplicateJob", null, arguments);
        cluster.awaitRunning(job.id());
        write(random, 400, 800);
        killATaskManagerAndAwaitFailover(job);
        write(random, 800, 1_200);
        awaitReplicaEqual("after a TaskManager was killed", job);

        String scraped = String.join("\n", cluster.scrapePrometheus());
        assertThat(
                        sum(
                                scraped,
                                "flink_taskmanager_job_task_operator_shardline_table_shard_recordsRead\\{(?=[^}]*table=\""
                                        + TABLE
                                        + "\")(?=[^}]*shard=\"shardId_[^\"]+\")(?=[^}]*job_name=\"replicate_Orders_to_OrdersReplica\")[^}]*\\}"))
                .as("records read, by table and shard, in the reporters' text:\n" + scraped)
                .isPositive();
        assertThat(sum(scraped, "flink_taskmanager_job_task_operator_shardline_writesApplied\\{[^}]*\\}"))
                .as("writes applied")
                .isPositive();
        assertThat(documentedMetrics().stream()
                        .filter(name -> !OPENSEARCH_SINK_METRIC.matcher(name).find()))
                .as("the metrics docs/operations.md and its dashboard name, besides the OpenSearch sink's")
                .allSatisfy(name -> assertThat(scraped).contains(name + "{"));

        StandaloneFlinkCluster.SubmittedJob resumed = stopAndResume(
                job, "io.shardline.jobs.replication.ReplicateJob", arguments, () -> write(random, 1_200, 1_500));
        awaitReplicaEqual("after resuming from the savepoint", resumed);
        assertThat(cluster.restarts(resumed.id())).isZero();
        cluster.cancel(resumed.id());
        assertDocumentedPolicyAllowsWhatWasCalled("replicate");

        StringWriter printed = new StringWriter();
        List<String> verify = new ArrayList<>(connection());
        verify.addAll(List.of("--table", TABLE, "--target-table", REPLICA));
        assertThat(new CommandLine(new VerifyCommand())
                        .setOut(new PrintWriter(printed))
                        .execute(verify.toArray(String[]::new)))
                .as(printed.toString())
                .isZero();
        assertDocumentedPolicyAllowsWhatWasCalled("verify");
    }

    @Test
    void gameMetricsEqualABatchAggregationThroughAKilledTaskManagerAndASavepoint() throws Exception {
        GameMetricsOptions options = new GameMetricsOptions();
        options.eventsTable = "GameEvents";
        options.metricsTable = "GameMetrics";
        options.lateTable = "GameLateEvents";
        options.topPlayers = 3;
        options.window = Duration.ofMinutes(1);
        options.slidingWindow = Duration.ofMinutes(5);
        options.slide = Duration.ofMinutes(1);
        GameTables.createIfMissing(client, options.eventsTable, options.metricsTable, options.lateTable);
        List<String> arguments = new ArrayList<>(connection());
        arguments.addAll(List.of(
                "--events-table",
                options.eventsTable,
                "--metrics-table",
                options.metricsTable,
                "--late-table",
                options.lateTable,
                "--window",
                "1m",
                "--sliding-window",
                "5m",
                "--slide",
                "1m",
                "--out-of-orderness",
                "5s",
                "--allowed-lateness",
                "30s",
                "--idleness",
                "0s",
                "--top",
                Integer.toString(options.topPlayers),
                "--parallelism",
                "2",
                "--checkpoint-interval",
                "500ms"));
        AtomicLong clock = new AtomicLong(GAME_START);
        GameEventGenerator generator = new GameEventGenerator(
                new GameEventGenerator.Settings(3, 40, 4, 1.5, 20_000, 0, 0),
                () -> clock.getAndAdd(GAME_STEP_MILLIS),
                42,
                "cluster");
        StandaloneFlinkCluster.SubmittedJob resumed = runThroughAKilledTaskManagerAndASavepoint(
                "io.shardline.jobs.game.GameMetricsJob",
                arguments,
                new GameEventWriter(client, options.eventsTable, generator, 0, 3_000)::run,
                new GameEventWriter(client, options.eventsTable, generator, 0, 1_500)::run,
                new GameEventWriter(client, options.eventsTable, generator, 0, 1_500)::run);
        new GameEventWriter(client, options.eventsTable, generator, 0, 1_000).run();

        List<GameEvent> events = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(options.eventsTable))
                .items()
                .forEach(item -> events.add(GameEvent.fromItem(item)));
        assertThat(events).hasSize(7_000);
        long closedBefore = clock.get() - Duration.ofMinutes(1).toMillis();
        Map<String, WindowResult> expected = WindowExpectation.aggregate(events, options, closedBefore);
        Map<String, WindowResult> stored = Await.latest(
                Duration.ofMinutes(3),
                Duration.ofMillis(500),
                () -> WindowExpectation.stored(client, options.metricsTable, closedBefore),
                expected::equals);
        assertThat(WindowExpectation.differences(expected, stored))
                .as("client:\n" + resumed.client().output() + "\n" + cluster.output())
                .isEmpty();
        assertThat(expected).hasSizeGreaterThan(40);
        assertDocumentedPolicyAllowsWhatWasCalled("game-metrics");
    }

    @Test
    void aSqlStatementFromTheClusterJarCopiesATableThroughAKilledTaskManagerAndASavepoint() throws Exception {
        createTable(TABLE, true);
        createTable("OrdersCopy", false);
        Random random = new Random(5);
        write(random, 0, 300);
        String connection = "'endpoint' = '" + recorder.endpoint() + "', 'access-key' = 'test', 'secret-key' = 'test'";
        String sql = String.join(
                "\n",
                "CREATE TABLE orders (id STRING, `change` INT, PRIMARY KEY (id) NOT ENFORCED)",
                "  WITH ('connector' = 'shardline', 'table-name' = '" + TABLE + "', " + connection + ");",
                "CREATE TABLE orders_copy (id STRING, `change` INT, PRIMARY KEY (id) NOT ENFORCED)",
                "  WITH ('connector' = 'shardline', 'table-name' = 'OrdersCopy', " + connection + ");",
                "INSERT INTO orders_copy SELECT id, `change` FROM orders;");
        List<String> arguments = List.of("--parallelism", "2", "--checkpoint-interval", "500ms", "-e", sql);
        StandaloneFlinkCluster.SubmittedJob resumed = runThroughAKilledTaskManagerAndASavepoint(
                "io.shardline.jobs.sql.SqlCommand",
                arguments,
                () -> write(random, 300, 600),
                () -> write(random, 600, 800),
                () -> write(random, 800, 900));
        Map<String, String> copied = Await.latest(
                Duration.ofMinutes(3), Duration.ofMillis(500), () -> changes("OrdersCopy"), changes(TABLE)::equals);
        assertThat(copied)
                .as(resumed.client().output() + "\n" + cluster.output())
                .isEqualTo(changes(TABLE))
                .isNotEmpty();
        cluster.cancel(resumed.id());
    }

    /** Each item's id and change number. */
    private Map<String, String> changes(String table) {
        Map<String, String> changes = new TreeMap<>();
        client.scanPaginator(r -> r.tableName(table).consistentRead(true))
                .items()
                .forEach(item ->
                        changes.put(item.get("id").s(), item.get("change").n()));
        return changes;
    }

    @Test
    void anOpenSearchIndexEqualsTheTableThroughAKilledTaskManagerAndASavepoint() throws Exception {
        createTable(TABLE, true);
        Random random = new Random(11);
        write(random, 0, 300);
        OpenSearchNode node = OpenSearchNode.shared();
        String index = "orders-" + Long.toHexString(random.nextLong());
        List<String> arguments = new ArrayList<>(connection());
        arguments.addAll(List.of(
                "--table",
                TABLE,
                "--index",
                index,
                "--opensearch",
                node.url(),
                "--parallelism",
                "2",
                "--checkpoint-interval",
                "500ms",
                "--idle-poll-interval",
                "400ms"));
        StandaloneFlinkCluster.SubmittedJob resumed = runThroughAKilledTaskManagerAndASavepoint(
                "io.shardline.jobs.index.IndexJob",
                arguments,
                () -> write(random, 300, 600),
                () -> write(random, 600, 900),
                () -> write(random, 900, 1_100));
        SearchConnectionOptions search = new SearchConnectionOptions();
        search.urls = List.of(node.url());
        try (SearchIndexAdmin admin = new SearchIndexAdmin(search.connection())) {
            CopyComparison.Result result = Await.latest(
                    Duration.ofMinutes(3),
                    Duration.ofMillis(500),
                    () -> IndexVerifier.verify(client, TABLE, admin, index, "@shardline", "@dynamodb"),
                    CopyComparison.Result::equal);
            assertThat(result.equal())
                    .as(result + "\nclient:\n" + resumed.client().output() + "\n" + cluster.output())
                    .isTrue();
            assertThat(result.expected()).isGreaterThan(300);
        }
        String scraped = String.join("\n", cluster.scrapePrometheus());
        assertThat(documentedMetrics().stream()
                        .filter(name -> OPENSEARCH_SINK_METRIC.matcher(name).find()))
                .as("the OpenSearch sink's metrics docs/operations.md and its dashboard name")
                .isNotEmpty()
                .allSatisfy(name -> assertThat(scraped).contains(name + "{"));
        assertThat(sum(scraped, "flink_taskmanager_job_task_operator_shardline_documentsIndexed\\{[^}]*\\}"))
                .as("documents indexed")
                .isPositive();
        cluster.cancel(resumed.id());
        assertDocumentedPolicyAllowsWhatWasCalled("index");
    }

    @Test
    void expiredItemsArchivedAsParquetExactlyOnceThroughAKilledTaskManagerAndASavepointAreRestoredUnchanged()
            throws Exception {
        createTable(SESSIONS, true);
        client.updateTimeToLive(r -> r.tableName(SESSIONS)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        Path archive = dir.resolve("archive");
        List<String> arguments = new ArrayList<>(connection());
        arguments.addAll(List.of(
                "--table",
                SESSIONS,
                "--to",
                archive.toUri().toString(),
                "--format",
                "parquet",
                "--checkpoint-interval",
                "500ms",
                "--parallelism",
                "2"));
        Map<String, Map<String, AttributeValue>> expired = new HashMap<>();
        StandaloneFlinkCluster.SubmittedJob resumed = runThroughAKilledTaskManagerAndASavepoint(
                "io.shardline.jobs.archive.ArchiveJob",
                arguments,
                () -> expire(0, 45, expired),
                () -> expire(45, 90, expired),
                () -> expire(90, 120, expired));
        List<ChangeRecord> archived = Await.latest(
                Duration.ofMinutes(2),
                Duration.ofMillis(500),
                () -> ArchiveFiles.read(archive, ArchiveFormat.PARQUET),
                found -> found.size() >= expired.size());
        assertThat(archived)
                .as("each expired session archived exactly once\n"
                        + resumed.client().output())
                .hasSize(expired.size());
        assertThat(archived)
                .extracting(removal -> removal.keys().get("id").s())
                .containsExactlyInAnyOrderElementsOf(expired.keySet());
        cluster.cancel(resumed.id());
        assertDocumentedPolicyAllowsWhatWasCalled("archive");

        List<String> restore = new ArrayList<>(connection());
        restore.addAll(List.of("--from", archive.toUri().toString(), "--table", SESSIONS, "--format", "parquet"));
        StandaloneFlinkCluster.SubmittedJob restoring =
                cluster.run(CLUSTER_JAR, "io.shardline.jobs.archive.RestoreCommand", null, restore);
        assertThat(restoring.client().awaitExit(Duration.ofMinutes(3)))
                .as(restoring.client().output())
                .isZero();
        assertThat(restoring.client().output()).contains("Restore into table " + SESSIONS + " finished");
        assertThat(expired).hasSize(120);
        Map<String, Map<String, AttributeValue>> restored = new HashMap<>();
        client.scanPaginator(r -> r.tableName(SESSIONS))
                .items()
                .forEach(item -> restored.put(item.get("id").s(), item));
        assertThat(restored)
                .as("every expired session restored unchanged, without its expiry")
                .isEqualTo(expired);
        assertDocumentedPolicyAllowsWhatWasCalled("restore");
    }

    /** Puts sessions {@code from} to {@code to} already expired, so Time to Live deletes them; remembers them. */
    private void expire(int from, int to, Map<String, Map<String, AttributeValue>> expired) {
        long past = Instant.now().getEpochSecond() - 60;
        for (int n = from; n < to; n++) {
            Map<String, AttributeValue> session = session(n);
            Map<String, AttributeValue> item = new HashMap<>(session);
            item.put("expires", AttributeValue.fromN(Long.toString(past)));
            client.putItem(r -> r.tableName(SESSIONS).item(item));
            expired.put(session.get("id").s(), session);
        }
    }

    /** A session of most attribute types. */
    private static Map<String, AttributeValue> session(int n) {
        return Map.of(
                "id",
                AttributeValue.fromS("session#" + n),
                "user",
                AttributeValue.fromS("user " + n % 7 + " é✓"),
                "count",
                AttributeValue.fromN("12345678901234567890123456789012345678"),
                "ratio",
                AttributeValue.fromN("-0.000" + (2 * n + 1)),
                "token",
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) n, 0, -1})),
                "tags",
                AttributeValue.fromSs(List.of("a", "b" + n)),
                "scores",
                AttributeValue.fromNs(List.of("1", "2.5")),
                "active",
                AttributeValue.fromBool(n % 2 == 0),
                "note",
                AttributeValue.fromNul(true),
                "pages",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "path", AttributeValue.fromS("/p" + n), "views", AttributeValue.fromN(Integer.toString(n)))))));
    }

    /**
     * Submits a job, runs {@code beforeKill}, kills a TaskManager and waits for the job to fail over,
     * runs {@code afterKill}, then stops the job with a savepoint and resumes it, {@code whileStopped}
     * run in between; the resumed job.
     */
    private StandaloneFlinkCluster.SubmittedJob runThroughAKilledTaskManagerAndASavepoint(
            String mainClass, List<String> arguments, Runnable beforeKill, Runnable afterKill, Runnable whileStopped)
            throws Exception {
        StandaloneFlinkCluster.SubmittedJob job = cluster.run(CLUSTER_JAR, mainClass, null, arguments);
        cluster.awaitRunning(job.id());
        beforeKill.run();
        killATaskManagerAndAwaitFailover(job);
        afterKill.run();
        return stopAndResume(job, mainClass, arguments, whileStopped);
    }

    /**
     * Stops the job with a savepoint through the CLI (its attached client then ends with exit code 0),
     * once every task runs again (a savepoint of a job still failing over is refused), runs
     * {@code whileStopped}, and submits the job again from the savepoint.
     */
    private StandaloneFlinkCluster.SubmittedJob stopAndResume(
            StandaloneFlinkCluster.SubmittedJob job, String mainClass, List<String> arguments, Runnable whileStopped)
            throws Exception {
        cluster.awaitRunning(job.id());
        String savepoint = cluster.stopWithSavepoint(job.id());
        assertThat(job.client().awaitExit(Duration.ofMinutes(1)))
                .as(job.client().output())
                .isZero();
        whileStopped.run();
        StandaloneFlinkCluster.SubmittedJob resumed = cluster.run(CLUSTER_JAR, mainClass, savepoint, arguments);
        cluster.awaitRunning(resumed.id());
        return resumed;
    }

    private void killATaskManagerAndAwaitFailover(StandaloneFlinkCluster.SubmittedJob job) throws Exception {
        cluster.killTaskManager(0);
        Await.until(
                Duration.ofMinutes(2),
                () -> cluster.restarts(job.id()) > 0,
                "the job to fail over from the killed TaskManager");
    }

    /**
     * Every DynamoDB operation called through the recorder since the last check is an action the IAM
     * policy docs/aws/{@code job}-policy.json allows.
     */
    private void assertDocumentedPolicyAllowsWhatWasCalled(String job) throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode statement : new ObjectMapper()
                .readTree(Path.of("../docs/aws/" + job + "-policy.json").toFile())
                .path("Statement")) {
            statement
                    .path("Action")
                    .forEach(action -> allowed.add(action.asText().replace("dynamodb:", "")));
        }
        assertThat(allowed)
                .as("the actions of docs/aws/" + job + "-policy.json")
                .containsAll(recorder.takeOperations());
    }

    /** The Prometheus metric names the operations guide's alerts and its Grafana dashboard use. */
    private static Set<String> documentedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path document :
                List.of(Path.of("../docs/operations.md"), Path.of("../docs/grafana/shardline-dashboard.json"))) {
            Matcher matcher = METRIC_NAME.matcher(Files.readString(document));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /** The sum of the values of the Prometheus samples whose name and labels match {@code sample}. */
    private static double sum(String exposition, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + " (\\S+)$").matcher(exposition);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    /** A table keyed by {@code id} (S), with a stream of both images when {@code stream}. */
    private void createTable(String table, boolean stream) {
        client.createTable(r -> {
            r.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH));
            if (stream) {
                r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    /** Puts, updates and deletes items "0" to "599" in random order, {@code from} to {@code to} changes. */
    private void write(Random random, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = Integer.toString(random.nextInt(600));
            if (i % 9 == 0) {
                client.deleteItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))));
            } else {
                int change = i;
                client.putItem(r -> r.tableName(TABLE)
                        .item(Map.of(
                                "id",
                                AttributeValue.fromS(id),
                                "change",
                                AttributeValue.fromN(Integer.toString(change)))));
            }
        }
    }

    private void awaitReplicaEqual(String when, StandaloneFlinkCluster.SubmittedJob job) throws InterruptedException {
        ItemSelection everything = new ItemSelection(List.of("id"), null, null, null, null, null);
        CopyComparison.Result result = Await.latest(
                Duration.ofMinutes(3),
                Duration.ofMillis(500),
                () -> client.listTables().tableNames().contains(REPLICA)
                        ? TableVerifier.verify(
                                client, TABLE, client, REPLICA, List.of("id"), "shardline:version", everything)
                        : null,
                r -> r != null && r.equal());
        assertThat(result != null && result.equal())
                .as(when + ": " + result + "\nclient:\n" + job.client().output() + "\n" + cluster.output())
                .isTrue();
    }
}
