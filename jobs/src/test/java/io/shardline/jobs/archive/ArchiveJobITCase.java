package io.shardline.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.EngineProcess;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.flink.EndedTaskCounters;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.RunState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The archive job and the restore command end to end: engine servers whose sweeper deletes expired
 * items, a real MiniCluster (TaskManagers lost on purpose), Flink's file sink on the local file
 * system, and the real AWS SDK.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ArchiveJobITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(clusterConfiguration())
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final String TABLE = "Sessions";
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private String restAddress;

    @TempDir
    Path dir;

    private static Configuration clusterConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(100));
        EndedTaskCounters.install(configuration);
        return configuration;
    }

    /** Jobs a test started, cancelled after it whatever its outcome, so the next test has the slots. */
    private final List<JobClient> started = new ArrayList<>();

    @BeforeEach
    void rest(@InjectClusterRESTAddress URI rest) {
        restAddress = rest.toString().replaceAll("/$", "");
    }

    @AfterEach
    void cancelJobs() throws Exception {
        for (JobClient job : started) {
            if (!job.getJobStatus().get(1, TimeUnit.MINUTES).isGloballyTerminalState()) {
                job.cancel().get(1, TimeUnit.MINUTES);
            }
        }
    }

    private static TableConnection connection(String endpoint) {
        return TableConnection.of(endpoint, "us-east-1", "test", "test");
    }

    private ArchiveOptions options(String endpoint, ArchiveFormat format, Duration checkpointInterval) {
        ArchiveOptions options = new ArchiveOptions();
        options.connection = connection(endpoint);
        options.table = TABLE;
        options.to = dir.resolve("archive").toUri().toString();
        options.format = format;
        options.checkpointInterval = checkpointInterval;
        options.run.parallelism = 2;
        options.run.progressInterval = Duration.ofMillis(500);
        return options;
    }

    private ArchiveJob.Running archive(ArchiveOptions options) throws Exception {
        return archive(options, new Configuration());
    }

    private ArchiveJob.Running archive(ArchiveOptions options, Configuration configuration) throws Exception {
        Configuration restarts = new Configuration(configuration);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        ArchiveJob.Running running = ArchiveJob.start(
                options,
                StreamExecutionEnvironment.getExecutionEnvironment(restarts),
                restAddress,
                new PrintStream(console, true, StandardCharsets.UTF_8),
                RunState.inMemory(false));
        started.add(running.job());
        return running;
    }

    private static void createTable(DynamoDbClient client, String table, StreamViewType view) {
        client.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("user")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("session")
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("user")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("session")
                                .keyType(KeyType.RANGE)
                                .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
        client.updateTimeToLive(r ->
                r.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
    }

    private static Map<String, AttributeValue> key(int n) {
        return Map.of(
                "user", AttributeValue.fromS("user#" + n / 3), "session", AttributeValue.fromN(Integer.toString(n)));
    }

    /** A session of every attribute type; it expires {@code expires} (epoch seconds) when given. */
    private static Map<String, AttributeValue> item(int n, String revision, Long expires) {
        Map<String, AttributeValue> item = new HashMap<>(ArchiveFormatTest.everyType(n));
        item.remove("pk");
        item.remove("sk");
        item.remove("huge"); // the engine stores 9.99E+125 as its 126 digits, which the archive then keeps
        item.putAll(key(n));
        item.put("revision", AttributeValue.fromS(revision));
        if (expires != null) {
            item.put("expires", AttributeValue.fromN(Long.toString(expires)));
        }
        return item;
    }

    /** Every removal in the archive's visible (committed) files of {@code format}. */
    private List<ChangeRecord> archived(ArchiveFormat format) {
        return ArchiveFiles.read(dir.resolve("archive"), format);
    }

    private List<Path> visibleFiles() {
        return ArchiveFiles.files(dir.resolve("archive"), false);
    }

    private List<Path> hiddenFiles() {
        return ArchiveFiles.files(dir.resolve("archive"), true);
    }

    private static Set<Map<String, AttributeValue>> keys(List<ChangeRecord> removals) {
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        removals.forEach(removal -> keys.add(removal.keys()));
        return keys;
    }

    @Test
    void expiredItemsAreArchivedExactlyOnceAcrossALostTaskManagerAndUserDeletesAreNot(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("engine"), "--maintenance-interval", "200ms");
                DynamoDbClient client = connection(engine.endpoint()).settings().createTableClient()) {
            createTable(client, TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> expired = new HashMap<>();
            Set<Map<String, AttributeValue>> userDeleted = new HashSet<>();
            try (ArchiveJob.Running job =
                    archive(options(engine.endpoint(), ArchiveFormat.JSONL, Duration.ofMillis(400)))) {
                long past = Instant.now().getEpochSecond() - 60;
                for (int n = 0; n < 900; n++) {
                    Map<String, AttributeValue> item = item(n, "r1", n % 3 == 0 ? null : past);
                    client.putItem(r -> r.tableName(TABLE).item(item));
                    if (n % 3 == 0 && n % 2 == 0) {
                        Map<String, AttributeValue> key = key(n);
                        client.deleteItem(r -> r.tableName(TABLE).key(key));
                        userDeleted.add(key);
                    } else if (n % 3 != 0) {
                        expired.put(key(n), item);
                    }
                    if (n == 300) {
                        Await.until(
                                Duration.ofMinutes(1),
                                () -> !archived(ArchiveFormat.JSONL).isEmpty(),
                                "archive files committed before the TaskManager is lost");
                        cluster.terminateTaskManager(0).get();
                        cluster.startTaskManager();
                    }
                }
                List<ChangeRecord> removals = Await.latest(
                        Duration.ofMinutes(2),
                        Duration.ofMillis(250),
                        () -> archived(ArchiveFormat.JSONL),
                        found -> keys(found).size() >= expired.size());
                assertThat(keys(removals))
                        .as(console.toString(StandardCharsets.UTF_8))
                        .isEqualTo(expired.keySet());
                assertThat(removals)
                        .as("each expired item archived exactly once")
                        .hasSize(expired.size());
                assertThat(keys(removals)).doesNotContainAnyElementsOf(userDeleted);
                for (ChangeRecord removal : removals) {
                    assertThat(removal.oldImage()).isEqualTo(expired.get(removal.keys()));
                    assertThat(removal.deletedByTtl()).isTrue();
                }
                Await.until(
                        Duration.ofSeconds(30),
                        () -> console.toString(StandardCharsets.UTF_8)
                                .matches("(?s).*[1-9][0-9,]* removals archived, [1-9][0-9,]* files committed.*"),
                        "a progress line counting removals archived and files committed");
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
            assertThat(visibleFiles())
                    .allSatisfy(file -> assertThat(
                                    dir.resolve("archive").relativize(file).toString())
                            .matches("table=Sessions/date=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/removals-.*\\.jsonl\\.gz"));
        }
    }

    @Test
    void noArchiveFileIsVisibleBeforeItsCheckpointCompletes(@InjectMiniCluster MiniCluster cluster) throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory().withMaintenanceInterval(Duration.ofMillis(100)));
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = connection(server.endpoint()).settings().createTableClient()) {
            createTable(client, TABLE, StreamViewType.OLD_IMAGE);
            Configuration noCheckpointForAnHour = new Configuration();
            noCheckpointForAnHour.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofHours(1));
            try (ArchiveJob.Running job = archive(
                    options(server.endpoint(), ArchiveFormat.PARQUET, Duration.ofHours(1)), noCheckpointForAnHour)) {
                JobMetrics metrics =
                        new JobMetrics(restAddress, job.job().getJobID().toHexString());
                long past = Instant.now().getEpochSecond() - 60;
                for (int n = 0; n < 100; n++) {
                    Map<String, AttributeValue> item = item(n, "r1", past);
                    client.putItem(r -> r.tableName(TABLE).item(item));
                }
                long handed = Await.latest(
                        Duration.ofMinutes(1),
                        Duration.ofMillis(100),
                        () -> metrics.read(".shardline.").sum(".shardline.removalsArchived"),
                        count -> count == 100);
                assertThat(handed)
                        .as("removals handed to the file sink; " + console.toString(StandardCharsets.UTF_8))
                        .isEqualTo(100);
                assertThat(visibleFiles()).as("no checkpoint completed yet").isEmpty();
                assertThat(hiddenFiles())
                        .as("the removals wait in files in progress")
                        .isNotEmpty();

                cluster.triggerCheckpoint(job.job().getJobID()).get(1, TimeUnit.MINUTES);
                List<ChangeRecord> removals = Await.latest(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(100),
                        () -> archived(ArchiveFormat.PARQUET),
                        found -> found.size() >= 100);
                assertThat(keys(removals)).hasSize(100);
                assertThat(removals).hasSize(100);
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
        }
    }

    @Test
    void aStreamWithoutOldImagesIsRefusedNamingTheViewTypesThatWork() throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory());
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = connection(server.endpoint()).settings().createTableClient()) {
            createTable(client, TABLE, StreamViewType.KEYS_ONLY);
            assertThatThrownBy(() -> archive(options(server.endpoint(), ArchiveFormat.JSONL, Duration.ofSeconds(1))))
                    .hasMessageContaining("Table Sessions has a stream of view type KEYS_ONLY")
                    .hasMessageContaining("OLD_IMAGE or NEW_AND_OLD_IMAGES");
            createTable(client, "NewImages", StreamViewType.NEW_IMAGE);
            ArchiveOptions options = options(server.endpoint(), ArchiveFormat.JSONL, Duration.ofSeconds(1));
            options.table = "NewImages";
            assertThatThrownBy(() -> archive(options)).hasMessageContaining("view type NEW_IMAGE");
            assertThat(Files.exists(dir.resolve("archive"))).isFalse();
        }
    }

    private RestoreOptions restoreOptions(String endpoint, ArchiveFormat format, String into) {
        RestoreOptions options = new RestoreOptions();
        options.connection = connection(endpoint);
        options.from = dir.resolve("archive").toUri().toString();
        options.table = TABLE;
        options.into = into;
        options.format = format;
        options.start = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        options.run.parallelism = 2;
        return options;
    }

    /** Runs a restore to its end; its exit code. */
    private int restore(RestoreOptions options) throws Exception {
        try (RestoreCommand.Running restore = RestoreCommand.start(
                options,
                StreamExecutionEnvironment.getExecutionEnvironment(),
                restAddress,
                new PrintStream(console, true, StandardCharsets.UTF_8),
                Clock.systemUTC())) {
            started.add(restore.job());
            restore.job().getJobExecutionResult().get(2, TimeUnit.MINUTES);
            return restore.finished();
        }
    }

    private static Map<String, AttributeValue> withoutExpiry(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> without = new HashMap<>(item);
        without.remove("expires");
        return without;
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void restoreBringsExpiredItemsBackUnchangedAndLeavesItemsWrittenAgainUntouched(ArchiveFormat format)
            throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory().withMaintenanceInterval(Duration.ofMillis(100)));
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = connection(server.endpoint()).settings().createTableClient()) {
            createTable(client, TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> expired = new HashMap<>();
            try (ArchiveJob.Running job = archive(options(server.endpoint(), format, Duration.ofMillis(300)))) {
                long past = Instant.now().getEpochSecond() - 60;
                for (int n = 0; n < 120; n++) {
                    Map<String, AttributeValue> item = item(n, "r1", past);
                    client.putItem(r -> r.tableName(TABLE).item(item));
                    expired.put(key(n), item);
                }
                List<ChangeRecord> removals = Await.latest(
                        Duration.ofMinutes(1),
                        Duration.ofMillis(200),
                        () -> archived(format),
                        found -> found.size() >= expired.size());
                assertThat(removals).hasSize(expired.size());
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
            Set<Map<String, AttributeValue>> writtenAgain = new HashSet<>();
            for (int n = 0; n < 120; n += 6) {
                Map<String, AttributeValue> item = item(n, "r2", null);
                client.putItem(r -> r.tableName(TABLE).item(item));
                writtenAgain.add(key(n));
            }

            assertThat(restore(restoreOptions(server.endpoint(), format, null)))
                    .as(console.toString())
                    .isZero();
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains(
                            "Restored 100 items into table Sessions; "
                                    + "skipped 20 (the table holds them again); failed 0",
                            "120 archived items considered");
            for (Map.Entry<Map<String, AttributeValue>, Map<String, AttributeValue>> item : expired.entrySet()) {
                Map<String, AttributeValue> now = client.getItem(
                                r -> r.tableName(TABLE).key(item.getKey()).consistentRead(true))
                        .item();
                if (writtenAgain.contains(item.getKey())) {
                    assertThat(now.get("revision").s()).isEqualTo("r2");
                } else {
                    assertThat(now)
                            .as("restored unchanged, without its expiry")
                            .isEqualTo(withoutExpiry(item.getValue()));
                }
            }

            createTable(client, "SessionsCopy", StreamViewType.KEYS_ONLY);
            RestoreOptions filtered = restoreOptions(server.endpoint(), format, "SessionsCopy");
            filtered.filter = "begins_with(#u, :u)";
            filtered.expressionNames = Map.of("#u", "user");
            filtered.expressionValues = "{\":u\":{\"S\":\"user#1\"}}";
            filtered.ttlAfterRestore = Duration.ofDays(7);
            assertThat(restore(filtered)).isZero();
            long weekAhead = Instant.now().plus(Duration.ofDays(7)).getEpochSecond();
            List<Map<String, AttributeValue>> copies =
                    client.scanPaginator(r -> r.tableName("SessionsCopy")).items().stream()
                            .toList();
            assertThat(copies).hasSize(33).allSatisfy(copy -> {
                assertThat(copy.get("user").s()).startsWith("user#1");
                assertThat(Long.parseLong(copy.get("expires").n())).isBetween(weekAhead - 120, weekAhead);
                assertThat(withoutExpiry(copy))
                        .isEqualTo(withoutExpiry(
                                expired.get(Map.of("user", copy.get("user"), "session", copy.get("session")))));
            });
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("Restored 33 items into table SessionsCopy", "87 left out by the filter");

            client.createTable(r -> r.tableName("NumberedUsers")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("user")
                            .attributeType(ScalarAttributeType.N)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("user")
                            .keyType(KeyType.HASH)
                            .build()));
            assertThat(restore(restoreOptions(server.endpoint(), format, "NumberedUsers")))
                    .as("items the table refuses make the restore fail")
                    .isEqualTo(1);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("Restored 0 items into table NumberedUsers; "
                            + "skipped 0 (the table holds them again); failed 120");
        }
    }
}
