package io.shardline.jobs.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The aggregation job against a real engine server on a MiniCluster that loses a TaskManager midway:
 * the metrics table equals the same aggregation computed in batch over a scan of the events table,
 * for every window closed before the end, with late events updating their windows and events too
 * late for any window in the late-events table instead. Events too late (12 minutes of event time)
 * come only after the generator has run that long, by when the job, restored after the failure, has
 * closed windows again: a job that starts or restores has no watermark yet, so for it nothing is late.
 */
class GameMetricsJobITCase {
    private static final long START = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    private static final int EVENTS = 12_000;
    private static final long STEP_MILLIS = 100;
    /** Far behind the watermark of a running job: such events are late for every window they belong to. */
    private static final Duration TOO_LATE_BY = Duration.ofMinutes(12);

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private Engine engine;
    private ShardlineServer server;
    private DynamoDbClient client;
    private final GameMetricsOptions options = new GameMetricsOptions();

    @BeforeEach
    void start() {
        engine = Engine.open(EngineConfig.inMemory());
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        options.connection.endpoint = server.endpoint();
        options.connection.region = "us-east-1";
        options.connection.accessKey = "test";
        options.connection.secretKey = "test";
        options.eventsTable = "GameEvents";
        options.metricsTable = "GameMetrics";
        options.lateTable = "GameLateEvents";
        options.window = Duration.ofMinutes(1);
        options.slidingWindow = Duration.ofMinutes(5);
        options.slide = Duration.ofMinutes(1);
        options.outOfOrderness = Duration.ofSeconds(5);
        options.allowedLateness = Duration.ofSeconds(30);
        options.idleness = Duration.ZERO;
        options.topPlayers = 3;
        options.parallelism = 2;
        options.checkpointInterval = Duration.ofMillis(200);
        client = options.connection.settings().createTableClient();
        GameTables.createIfMissing(client, options.eventsTable, options.metricsTable, options.lateTable);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        engine.close();
    }

    /** Event {@code id} ("test-N") was generated at START + N * STEP; normal ones trail that by 20 s at most. */
    private static boolean tooLate(GameEvent event) {
        long generatedAt =
                START + Long.parseLong(event.eventId.substring(event.eventId.indexOf('-') + 1)) * STEP_MILLIS;
        return generatedAt - event.eventTime >= TOO_LATE_BY.toMillis();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void metricsEqualABatchAggregationOfTheEventsThroughLateEventsAndALostTaskManager(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        AtomicLong clock = new AtomicLong(START);
        GameEventGenerator generator = new GameEventGenerator(
                new GameEventGenerator.Settings(3, 40, 4, 1.5, 20_000, 0.01, TOO_LATE_BY.toMillis()),
                () -> clock.getAndAdd(STEP_MILLIS),
                42,
                "test");
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        GameMetricsJob.build(env, options);
        JobClient job = env.executeAsync("game-metrics");
        try {
            new GameEventWriter(client, options.eventsTable, generator, 0, EVENTS / 2).run();
            awaitWindowsFrom(START);
            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
            new GameEventWriter(client, options.eventsTable, generator, 0, EVENTS / 10).run();
            awaitWindowsFrom(START + EVENTS / 2 * STEP_MILLIS);
            new GameEventWriter(client, options.eventsTable, generator, 500, EVENTS * 4 / 10).run();

            List<GameEvent> events = new ArrayList<>();
            client.scanPaginator(r -> r.tableName(options.eventsTable))
                    .items()
                    .forEach(item -> events.add(GameEvent.fromItem(item)));
            assertEquals(EVENTS, events.size());
            Set<String> tooLate = events.stream()
                    .filter(GameMetricsJobITCase::tooLate)
                    .map(e -> e.eventId)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(tooLate.isEmpty(), "some events are too late");
            long closedBefore =
                    START + EVENTS * STEP_MILLIS - Duration.ofMinutes(1).toMillis();
            Map<String, WindowResult> expected = WindowExpectation.aggregate(
                    events.stream().filter(e -> !tooLate.contains(e.eventId)).toList(), options, closedBefore);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!storedMetrics(closedBefore).equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Set<String> lateStored = new TreeSet<>();
            client.scanPaginator(r -> r.tableName(options.lateTable))
                    .items()
                    .forEach(item -> lateStored.add(item.get("eventId").s()));
            assertEquals(tooLate, lateStored, "exactly the too-late events are in the late table");
            assertEquals(List.of(), WindowExpectation.differences(expected, storedMetrics(closedBefore)));
        } finally {
            job.cancel().get();
        }
    }

    private Map<String, WindowResult> storedMetrics(long closedBefore) {
        return WindowExpectation.stored(client, options.metricsTable, closedBefore);
    }

    /** Waits until the job has written a window starting at {@code start} or later: its watermark passed it. */
    private void awaitWindowsFrom(long start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (storedMetrics(Long.MAX_VALUE).values().stream().noneMatch(r -> r.windowStart >= start)) {
            assertTrue(System.nanoTime() < deadline, "a window from " + Instant.ofEpochMilli(start) + " appears");
            Thread.sleep(100);
        }
    }
}
