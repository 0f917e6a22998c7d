package io.shardline.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.storage.ItemCodecTest;
import io.shardline.engine.testing.Items;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.Partitions;
import io.shardline.items.testing.ItemValues;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A full stream read through DynamoDbStreamsClient after a workload with partition splits and shard rollovers. */
@Timeout(120)
class SdkStreamsITCase {

    /** Shards listed on DescribeStream's first page; grows when shards roll over. */
    private static int shardCount(DynamoDbStreamsClient streams, String arn) {
        return streams.describeStream(r -> r.streamArn(arn))
                .streamDescription()
                .shards()
                .size();
    }

    @Test
    void readingEveryShardByLineageGivesEachKeysChangesInOrder() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
        EngineConfig config = EngineConfig.inMemory()
                .withClock(clock)
                .withShardRolloverAge(Duration.ofMillis(300))
                .withMaintenanceInterval(Duration.ofHours(1));
        try (ServerFixture fixture = new ServerFixture(config, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = fixture.client();
                DynamoDbStreamsClient streams = fixture.streamsClient()) {
            String arn = client.createTable(r -> r.tableName("Streamed")
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName("id")
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName("id")
                                    .keyType(KeyType.HASH)
                                    .build())
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .tags(Tag.builder()
                                    .key("shardline:partitions")
                                    .value("2")
                                    .build())
                            .streamSpecification(
                                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription()
                    .latestStreamArn();
            Map<String, List<Long>> written = new HashMap<>();
            for (int round = 0; round < 6; round++) {
                for (int k = 0; k < 40; k++) {
                    String id = "key-" + k;
                    long version = round * 100L + k;
                    client.putItem(r -> r.tableName("Streamed")
                            .item(Map.of(
                                    "id",
                                    AttributeValue.fromS(id),
                                    "version",
                                    AttributeValue.fromN(Long.toString(version)))));
                    written.computeIfAbsent(id, x -> new ArrayList<>()).add(version);
                }
                if (round % 2 == 1) {
                    Partitions.splitWidest(fixture.engine, "Streamed");
                }
                int shardsBefore = shardCount(streams, arn);
                clock.advance(Duration.ofSeconds(1));
                fixture.engine.runMaintenance();
                assertTrue(shardCount(streams, arn) > shardsBefore, "every open shard rolled over");
            }
            client.deleteItem(r -> r.tableName("Streamed").key(Map.of("id", AttributeValue.fromS("key-0"))));

            assertEquals(
                    arn,
                    streams.listStreams(r -> r.tableName("Streamed"))
                            .streams()
                            .get(0)
                            .streamArn());
            List<Shard> shards = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                StreamDescription page = streams.describeStream(
                                r -> r.streamArn(arn).limit(3).exclusiveStartShardId(from))
                        .streamDescription();
                assertEquals(StreamStatus.ENABLED, page.streamStatus());
                assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, page.streamViewType());
                shards.addAll(page.shards());
                start = page.lastEvaluatedShardId();
            } while (start != null);
            assertTrue(shards.size() >= 2 + 2 * 3 + 2, "splits and rollovers: " + shards.size() + " shards");

            Map<String, List<Long>> read = new HashMap<>();
            Set<String> done = new HashSet<>();
            Set<String> known = new HashSet<>();
            shards.forEach(s -> known.add(s.shardId()));
            int removes = 0;
            while (done.size() < shards.size()) {
                for (Shard shard : shards) {
                    boolean parentDone = shard.parentShardId() == null
                            || !known.contains(shard.parentShardId())
                            || done.contains(shard.parentShardId());
                    if (done.contains(shard.shardId()) || !parentDone) {
                        continue;
                    }
                    String iterator = streams.getShardIterator(r -> r.streamArn(arn)
                                    .shardId(shard.shardId())
                                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
                    while (iterator != null) {
                        String current = iterator;
                        GetRecordsResponse page =
                                streams.getRecords(r -> r.shardIterator(current).limit(25));
                        for (Record record : page.records()) {
                            String id = record.dynamodb().keys().get("id").s();
                            if (record.eventName() == OperationType.REMOVE) {
                                removes++;
                                assertNotNull(record.dynamodb().oldImage());
                                continue;
                            }
                            assertEquals("1.1", record.eventVersion());
                            assertNotNull(record.dynamodb().approximateCreationDateTime());
                            read.computeIfAbsent(id, x -> new ArrayList<>())
                                    .add(Long.parseLong(record.dynamodb()
                                            .newImage()
                                            .get("version")
                                            .n()));
                        }
                        iterator = page.records().isEmpty()
                                        && page.nextShardIterator() != null
                                        && shard.sequenceNumberRange().endingSequenceNumber() == null
                                ? null
                                : page.nextShardIterator();
                    }
                    done.add(shard.shardId());
                }
            }
            assertEquals(written, read, "every key's versions, once each, in the order written");
            assertEquals(1, removes);
            assertThrows(
                    software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> streams.describeStream(r -> r.streamArn(arn.replace("Streamed", "Missing"))));
        }
    }

    @Test
    void pagesUpToTheMegabyteLimitAreStreamedAsTheEmbeddedEngineAnswersThem() throws Exception {
        try (ServerFixture fixture = ServerFixture.open();
                DynamoDbStreamsClient streams = fixture.streamsClient()) {
            String arn = fixture.engine
                    .createTable(Items.tableWithStream("Wide", 1, "NEW_AND_OLD_IMAGES", "id:S"))
                    .tableDescription()
                    .latestStreamArn();
            for (int round = 0; round < 2; round++) {
                for (int k = 0; k < 40; k++) {
                    Map<String, io.shardline.items.AttributeValue> item = new HashMap<>(ItemCodecTest.everyType());
                    item.put("id", ItemValues.s("key-" + k));
                    item.put("round", ItemValues.n(round));
                    fixture.engine.putItem(PutItem.Request.of("Wide", item));
                }
            }
            String shardId = streams.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String iterator = streams.getShardIterator(
                            r -> r.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            HttpClient http = HttpClient.newHttpClient();
            int records = 0;
            int pages = 0;
            while (records < 80) {
                String current = iterator;
                HttpResponse<byte[]> wire = http.send(
                        HttpRequest.newBuilder(fixture.endpoint())
                                .header("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords")
                                .header("Content-Type", DynamoHttpHandler.CONTENT_TYPE)
                                .header("Authorization", RawHttp.SIGNATURE)
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"ShardIterator\":\"" + current + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, wire.statusCode());
                ObjectNode streamed = (ObjectNode) DynamoJson.mapper().readTree(wire.body());
                ObjectNode embedded = (ObjectNode) DynamoJson.mapper()
                        .readTree(DynamoJson.write(fixture.engine.getRecords(GetRecords.Request.of(current))));
                assertNotNull(streamed.remove("NextShardIterator"));
                assertNotNull(embedded.remove("NextShardIterator"));
                assertEquals(embedded, streamed);
                assertTrue(wire.body().length <= 1024 * 1024 + 100_000, "about 1 MB at most: " + wire.body().length);

                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
                assertEquals(streamed.get("Records").size(), page.records().size());
                assertEquals(
                        ItemCodecTest.everyType().get("s"),
                        ItemValues.s(page.records()
                                .get(0)
                                .dynamodb()
                                .newImage()
                                .get("s")
                                .s()));
                records += page.records().size();
                pages++;
                iterator = page.nextShardIterator();
            }
            assertEquals(80, records);
            assertTrue(pages >= 5, "70 KB records fill a page at the 1 MB limit: " + pages + " pages");
        }
    }
}
