package io.shardline.engine.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * Amazon's own stream consumer, the Kinesis Client Library 3 with the DynamoDB Streams Kinesis
 * Adapter, unchanged, against the engine in its own process: it creates its lease tables, reads a
 * stream through partition splits and shard rollovers in order, checkpoints, stops, and a second
 * worker resumes from the checkpoints; the engine refuses none of its requests. Most of its two
 * minutes is KCL's own pacing, so it runs beside the other test classes.
 */
@Timeout(300)
@Execution(ExecutionMode.CONCURRENT)
class KinesisClientLibraryITCase {
    private static final Duration CAUGHT_UP = Duration.ofSeconds(150);
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDKCL", "secret"));

    @Test
    void workersReadEveryChangeInOrderThroughSplitsAndRolloversAndResumeFromCheckpoints(@TempDir Path dir)
            throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"));
                DynamoDbClient dynamo = DynamoDbClient.builder()
                        .endpointOverride(URI.create(engine.endpoint()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS)
                        .build()) {
            EngineControl control = new EngineControl(engine.endpoint());
            String streamArn = dynamo.createTable(table -> table.tableName("Orders")
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .billingMode("PAY_PER_REQUEST")
                            .streamSpecification(
                                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription()
                    .latestStreamArn();
            Changes changes = new Changes(dynamo);
            changes.make(60);
            control.splitPartition("Orders");
            changes.make(60);
            control.rollOverShards("Orders");
            changes.make(60);
            int firstPhase = changes.count();

            Queue<String> seen = new ConcurrentLinkedQueue<>();
            Worker first = Worker.start(engine.endpoint(), streamArn, "worker-1", seen);
            assertThat(Await.latest(CAUGHT_UP, Duration.ofMillis(100), seen::size, n -> n >= firstPhase))
                    .as(() -> "changes the first worker read\n" + engine.status())
                    .isEqualTo(firstPhase);
            first.stop();
            List<String> seenByFirst = List.copyOf(seen);

            changes.make(60);
            control.splitPartition("Orders");
            changes.make(60);
            Worker second = Worker.start(engine.endpoint(), streamArn, "worker-2", seen);
            assertThat(Await.latest(CAUGHT_UP, Duration.ofMillis(100), seen::size, n -> n >= changes.count()))
                    .as(() -> "changes both workers read\n" + engine.status())
                    .isEqualTo(changes.count());
            second.halt();

            assertThat(byKey(seen)).as("every change once, in order per key").isEqualTo(changes.byKey());
            assertThat(seen.stream()
                            .filter(change -> change.startsWith("worker-1 "))
                            .toList())
                    .as("the first worker read only the first phase")
                    .isEqualTo(seenByFirst);
            assertThat(seen.stream()
                            .filter(change -> change.startsWith("worker-2 "))
                            .count())
                    .as("the second worker resumed from the first one's checkpoints")
                    .isEqualTo(changes.count() - firstPhase);
            assertThat(engine.output())
                    .as("the engine refused no request of the consumer")
                    .doesNotContain("Refused");
        }
    }

    private static Map<String, List<String>> byKey(Queue<String> seen) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String change : seen) {
            String[] parts = change.split(" ", 3);
            byKey.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
        }
        return byKey;
    }

    /** Puts, updates and deletes over a few keys, remembering each key's changes as a consumer should see them. */
    private static final class Changes {
        private final DynamoDbClient dynamo;
        private final Map<String, List<String>> byKey = new LinkedHashMap<>();
        private final Map<String, Integer> versions = new LinkedHashMap<>();
        private int count;

        Changes(DynamoDbClient dynamo) {
            this.dynamo = dynamo;
        }

        void make(int how) {
            for (int i = 0; i < how; i++) {
                String key = "order-" + (count % 23);
                int version = versions.merge(key, 1, Integer::sum);
                if (version % 5 == 0) {
                    dynamo.deleteItem(d -> d.tableName("Orders").key(Map.of("id", AttributeValue.fromS(key))));
                    record(key, "REMOVE " + (version - 1));
                } else {
                    dynamo.putItem(p -> p.tableName("Orders")
                            .item(Map.of(
                                    "id",
                                    AttributeValue.fromS(key),
                                    "version",
                                    AttributeValue.fromN(Integer.toString(version)))));
                    record(key, (version % 5 == 1 ? "INSERT " : "MODIFY ") + version);
                }
            }
        }

        private void record(String key, String change) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
            count++;
        }

        int count() {
            return count;
        }

        Map<String, List<String>> byKey() {
            return byKey;
        }
    }

    /** One KCL worker (scheduler) on its own thread, recording "worker key change" for every record it gets. */
    private static final class Worker {
        private final Scheduler scheduler;
        private final Thread thread;

        private Worker(Scheduler scheduler, String workerId) {
            this.scheduler = scheduler;
            this.thread = new Thread(scheduler, "kcl-" + workerId);
        }

        static Worker start(String endpoint, String streamArn, String workerId, Queue<String> seen) {
            URI uri = URI.create(endpoint);
            DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                    .endpointOverride(uri)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS)
                    .build();
            AmazonDynamoDBStreamsAdapterClient adapter =
                    new AmazonDynamoDBStreamsAdapterClient(streams, Region.US_EAST_1);
            DynamoDbAsyncClient dynamo = DynamoDbAsyncClient.builder()
                    .endpointOverride(uri)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS)
                    .build();
            CloudWatchAsyncClient cloudWatch = CloudWatchAsyncClient.builder()
                    .endpointOverride(uri)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS)
                    .build();
            ConfigsBuilder configs = new ConfigsBuilder(
                    StreamsSchedulerFactory.createSingleStreamTracker(
                            streamArn,
                            InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                    "orders-consumer",
                    adapter,
                    dynamo,
                    cloudWatch,
                    workerId,
                    () -> new Recorder(workerId, seen));
            Scheduler scheduler = StreamsSchedulerFactory.createScheduler(
                    configs.checkpointConfig(),
                    configs.coordinatorConfig().parentShardPollIntervalMillis(200),
                    configs.leaseManagementConfig().failoverTimeMillis(3_000).shardSyncIntervalMillis(1_000),
                    configs.lifecycleConfig(),
                    configs.metricsConfig().metricsLevel(MetricsLevel.NONE).metricsFactory(new NullMetricsFactory()),
                    configs.processorConfig(),
                    configs.retrievalConfig()
                            .retrievalSpecificConfig(
                                    new DynamoDBStreamsPollingConfig(adapter).idleTimeBetweenReadsInMillis(200)),
                    adapter);
            Worker worker = new Worker(scheduler, workerId);
            worker.thread.setDaemon(true);
            worker.thread.start();
            return worker;
        }

        /**
         * Shuts the worker down gracefully: every processor checkpoints, every lease is given up (KCL
         * finishes the consumers of ended shards first, which takes it about a minute).
         */
        void stop() throws Exception {
            assertThat(scheduler.startGracefulShutdown().get(120, TimeUnit.SECONDS))
                    .as("graceful shutdown")
                    .isTrue();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }

        /** Stops the worker at once, as a test that is done with it may. */
        void halt() throws InterruptedException {
            scheduler.shutdown();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Records each change and checkpoints after each batch, at a shard's end and at shutdown. */
    private static final class Recorder implements DynamoDBStreamsShardRecordProcessor {
        private final String workerId;
        private final Queue<String> seen;

        Recorder(String workerId, Queue<String> seen) {
            this.workerId = workerId;
            this.seen = seen;
        }

        @Override
        public void initialize(InitializationInput input) {}

        @Override
        public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
            for (DynamoDBStreamsClientRecord record : input.records()) {
                Record change = record.getRecord();
                Map<String, AttributeValue> image = change.eventNameAsString().equals("REMOVE")
                        ? change.dynamodb().oldImage()
                        : change.dynamodb().newImage();
                seen.add(workerId + " " + change.dynamodb().keys().get("id").s() + " " + change.eventNameAsString()
                        + " " + image.get("version").n());
            }
            checkpoint(input.checkpointer());
        }

        @Override
        public void leaseLost(LeaseLostInput input) {}

        @Override
        public void shardEnded(ShardEndedInput input) {
            checkpoint(input.checkpointer());
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
            checkpoint(input.checkpointer());
        }

        private static void checkpoint(RecordProcessorCheckpointer checkpointer) {
            try {
                checkpointer.checkpoint();
            } catch (InvalidStateException | ShutdownException e) {
                throw new IllegalStateException("checkpoint failed", e);
            }
        }
    }
}
