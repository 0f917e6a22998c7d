package io.shardline.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.EngineProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The control API over the wire, the engine in its own process, driven by {@link EngineControl} and seen through the AWS SDK. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EngineControlITCase {
    @TempDir
    Path dir;

    private static DynamoDbClient tables(EngineProcess engine) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(engine.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private static DynamoDbStreamsClient streams(EngineProcess engine) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(engine.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private static String createTable(DynamoDbClient client, String name) {
        return client.createTable(r -> r.tableName(name)
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription()
                .latestStreamArn();
    }

    private static void put(DynamoDbClient client, String table, String id) {
        client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static String iterator(DynamoDbStreamsClient streams, String arn, String shard) {
        return streams.getShardIterator(
                        i -> i.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }

    private static List<Shard> shards(DynamoDbStreamsClient streams, String arn) {
        return streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
    }

    @Test
    void splitsRolloversAndTrimsHappenWhenAsked() throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"));
                DynamoDbClient client = tables(engine);
                DynamoDbStreamsClient streams = streams(engine)) {
            EngineControl control = new EngineControl(engine.endpoint());
            String arn = createTable(client, "Orders");
            for (int i = 0; i < 20; i++) {
                put(client, "Orders", "k" + i);
            }
            int partitionsBefore =
                    control.listPartitions("Orders").path("Partitions").size();
            int shardsBefore = shards(streams, arn).size();
            JsonNode children = control.splitPartitionHolding("Orders", "{\"id\":{\"S\":\"k7\"}}")
                    .path("Partitions");
            assertThat(children).hasSize(2);
            JsonNode partitions = control.listPartitions("Orders").path("Partitions");
            assertThat(partitions).hasSize(partitionsBefore + 2);
            assertThat(partitions.findValuesAsText("Open"))
                    .filteredOn("false"::equals)
                    .hasSize(1);
            assertThat(shards(streams, arn))
                    .hasSize(shardsBefore + 2)
                    .filteredOn(s -> s.parentShardId() != null)
                    .hasSize(2);

            int open = partitionsBefore + 1;
            int closed = control.rollOverShards("Orders").path("ShardsClosed").asInt();
            assertThat(closed).isEqualTo(open);
            List<Shard> afterRollover = shards(streams, arn);
            assertThat(afterRollover).hasSize(shardsBefore + 2 + open);
            assertThat(afterRollover.stream()
                            .filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null))
                    .hasSize(open)
                    .allSatisfy(child -> assertThat(child.parentShardId()).isNotNull());

            for (int i = 20; i < 40; i++) {
                put(client, "Orders", "k" + i);
            }
            Shard written = afterRollover.stream()
                    .filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                    .filter(s -> !streams.getRecords(r -> r.shardIterator(iterator(streams, arn, s.shardId())))
                            .records()
                            .isEmpty())
                    .findFirst()
                    .orElseThrow();
            String oldest = streams.getRecords(r -> r.shardIterator(iterator(streams, arn, written.shardId())))
                    .records()
                    .get(0)
                    .dynamodb()
                    .sequenceNumber();
            control.trimStream("Orders");
            assertThat(shards(streams, arn))
                    .as("closed shards are forgotten once all their records passed retention")
                    .hasSize(open);
            assertThatThrownBy(() -> streams.getShardIterator(i -> i.streamArn(arn)
                            .shardId(written.shardId())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                            .sequenceNumber(oldest)))
                    .isInstanceOf(TrimmedDataAccessException.class);
        }
    }

    @Test
    void injectedFaultsAnswerWhatTheSdksExpectThenStop() throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"), "--rehearsal");
                DynamoDbClient client = tables(engine)) {
            EngineControl control = new EngineControl(engine.endpoint());
            createTable(client, "Orders");
            control.injectFault("PutItem", "ThrottlingException", 2);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> put(client, "Orders", "a"))
                        .isInstanceOfSatisfying(
                                SdkServiceException.class,
                                e -> assertThat(e.isThrottlingException()).isTrue());
            }
            put(client, "Orders", "a");

            control.injectFault("PutItem", "ProvisionedThroughputExceededException", 1);
            assertThatThrownBy(() -> put(client, "Orders", "b"))
                    .isInstanceOfSatisfying(
                            SdkServiceException.class,
                            e -> assertThat(e.isThrottlingException()).isTrue());

            control.injectFault("GetItem", "InternalServerError", 1);
            assertThatThrownBy(() ->
                            client.getItem(r -> r.tableName("Orders").key(Map.of("id", AttributeValue.fromS("a")))))
                    .isInstanceOfSatisfying(
                            SdkServiceException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(500));

            control.injectFault("*", "DropConnection", 1);
            assertThatThrownBy(() -> put(client, "Orders", "c")).isInstanceOf(SdkClientException.class);

            control.injectDelay("PutItem", Duration.ofMillis(700), 1);
            long started = System.nanoTime();
            put(client, "Orders", "d");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));

            control.injectFaultFraction("Scan", "InternalServerError", 1.0);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> client.scan(r -> r.tableName("Orders")))
                        .isInstanceOf(SdkServiceException.class);
            }
            control.clearFaults();
            assertThat(client.scan(r -> r.tableName("Orders")).items())
                    .extracting(item -> item.get("id").s())
                    .as("the throttled and dropped writes were not made")
                    .containsExactlyInAnyOrder("a", "d");
            assertThatThrownBy(() -> control.injectFault("PutItem", "Oops", 1))
                    .hasMessageContaining("ValidationException: Error 'Oops' is not one the control API injects");
            assertThatThrownBy(() -> control.injectFault("PutItem", "ThrottlingException", 0))
                    .hasMessageContaining("ValidationException: InjectFault: A fault needs a Count above 0");
        }
    }

    @Test
    void anInMemoryEngineClockMovesForwardAndTimeToLiveFollows() throws Exception {
        try (EngineProcess memory = EngineProcess.start(dir.resolve("unused"), "--in-memory");
                DynamoDbClient client = tables(memory);
                EngineProcess durable = EngineProcess.start(dir.resolve("data"))) {
            EngineControl control = new EngineControl(memory.endpoint());
            createTable(client, "Sessions");
            client.updateTimeToLive(r -> r.tableName("Sessions")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            long inAnHour = System.currentTimeMillis() / 1000 + 3600;
            client.putItem(r -> r.tableName("Sessions")
                    .item(Map.of(
                            "id",
                            AttributeValue.fromS("s"),
                            "expires",
                            AttributeValue.fromN(Long.toString(inAnHour)))));
            long before = control.describeClock().path("NowMillis").asLong();
            JsonNode moved = control.advanceClock(Duration.ofHours(2));
            assertThat(moved.path("OffsetMillis").asLong())
                    .isEqualTo(Duration.ofHours(2).toMillis());
            assertThat(moved.path("NowMillis").asLong())
                    .isGreaterThanOrEqualTo(before + Duration.ofHours(2).toMillis());
            assertThat(client.getItem(r -> r.tableName("Sessions")
                                    .key(Map.of("id", AttributeValue.fromS("s")))
                                    .consistentRead(true))
                            .hasItem())
                    .as("expired and swept once the clock moved past its expiry")
                    .isFalse();
            assertThatThrownBy(() -> new EngineControl(durable.endpoint()).advanceClock(Duration.ofHours(1)))
                    .hasMessageContaining("This engine's clock cannot be moved");
        }
    }

    @Test
    void amazonsLimitsAreEmulatedWhenAskedAndLiftedWhenCleared() throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"), "--rehearsal");
                DynamoDbClient client = tables(engine);
                DynamoDbStreamsClient streams = streams(engine)) {
            EngineControl control = new EngineControl(engine.endpoint());
            String arn = createTable(client, "Orders");
            put(client, "Orders", "a");
            String shard = shards(streams, arn).get(0).shardId();

            control.setLimits(null, null, 1);
            assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(
                            "Orders",
                            List.of(
                                    WriteRequest.builder()
                                            .putRequest(p -> p.item(Map.of("id", AttributeValue.fromS("b"))))
                                            .build(),
                                    WriteRequest.builder()
                                            .putRequest(p -> p.item(Map.of("id", AttributeValue.fromS("c"))))
                                            .build())))))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.isThrottlingException()).isTrue();
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                        assertThat(e.getMessage()).contains("table Orders takes 1 writes a second");
                    });

            control.setLimits(1, null, null);
            int refused = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    streams.getRecords(r -> r.shardIterator(iterator(streams, arn, shard)));
                } catch (SdkServiceException e) {
                    assertThat(e.getMessage()).contains("Rate exceeded for shard");
                    refused++;
                }
            }
            assertThat(refused)
                    .as("10 reads of one shard at a limit of 1 a second")
                    .isPositive();

            control.setLimits(null, 1, null);
            control.injectDelay("GetRecords", Duration.ofSeconds(2), 1);
            String slowIterator = iterator(streams, arn, shard);
            CompletableFuture<?> slow =
                    CompletableFuture.runAsync(() -> streams.getRecords(r -> r.shardIterator(slowIterator)));
            Await.until(
                    Duration.ofSeconds(10),
                    () -> control.listFaults().path("Faults").isEmpty(),
                    "the slow read holding the shard");
            assertThatThrownBy(() -> streams.getRecords(r -> r.shardIterator(iterator(streams, arn, shard))))
                    .hasMessageContaining("more than 1 readers at once");
            slow.get(30, TimeUnit.SECONDS);

            control.setLimits(null, null, null);
            for (int i = 0; i < 5; i++) {
                streams.getRecords(r -> r.shardIterator(iterator(streams, arn, shard)));
            }
        }
    }
}
