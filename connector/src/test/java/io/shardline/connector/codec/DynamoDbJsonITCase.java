package io.shardline.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.testing.EngineServerResource;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import io.shardline.engine.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The connector's JSON of a change record, read through the AWS SDK, is the record the server sent:
 * for an insert, a modify, a user delete and a TTL delete of an item with every attribute type.
 */
@Timeout(60)
class DynamoDbJsonITCase {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRecordReadThroughTheSdkIsWrittenBackAsTheServerSentIt() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
        EngineServerResource server = new EngineServerResource(
                EngineConfig.inMemory().withClock(clock).withMaintenanceInterval(Duration.ofHours(1)));
        server.startUp();
        try (DynamoDbClient client = server.client();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                        .endpointOverride(URI.create(server.endpoint()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build()) {
            String arn = client.createTable(r -> r.tableName("Everything")
                            .billingMode("PAY_PER_REQUEST")
                            .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                            .keySchema(k -> k.attributeName("id").keyType("HASH"))
                            .tags(t -> t.key("shardline:partitions").value("1"))
                            .streamSpecification(
                                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription()
                    .latestStreamArn();
            client.updateTimeToLive(r -> r.tableName("Everything")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(AllAttributeTypes.item());
            item.put("id", AttributeValue.fromS("k1"));
            client.putItem(r -> r.tableName("Everything").item(item));
            item.put("expires", AttributeValue.fromN(Long.toString(clock.millis() / 1000 - 1)));
            client.putItem(r -> r.tableName("Everything").item(item));
            client.putItem(r -> r.tableName("Everything").item(Map.of("id", AttributeValue.fromS("k2"))));
            client.deleteItem(r -> r.tableName("Everything").key(Map.of("id", AttributeValue.fromS("k2"))));
            server.engine().runMaintenance();

            String shard = streams.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String iterator = streams.getShardIterator(
                            r -> r.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            List<ChangeRecord> read = new ArrayList<>();
            streams.getRecords(r -> r.shardIterator(iterator))
                    .records()
                    .forEach(r -> read.add(ChangeRecord.of(r, shard)));
            List<GetRecords.ChangeRecord> sent = server.engine()
                    .getRecords(GetRecords.Request.of(server.engine()
                            .getShardIterator(GetShardIterator.Request.of(arn, shard, "TRIM_HORIZON"))
                            .shardIterator()))
                    .records();

            assertThat(read)
                    .extracting(ChangeRecord::eventName)
                    .containsExactly("INSERT", "MODIFY", "INSERT", "REMOVE", "REMOVE");
            assertThat(read.get(4).deletedByTtl()).isTrue();
            assertThat(read.get(3).deletedByTtl()).isFalse();
            for (int i = 0; i < read.size(); i++) {
                JsonNode ours = json.readTree(DynamoDbJson.changeRecord(read.get(i)));
                JsonNode theirs = json.readTree(DynamoJson.write(sent.get(i)));
                assertThat(ours).as("record %d", i).isEqualTo(theirs);
            }
        } finally {
            server.tearDown();
        }
    }
}
