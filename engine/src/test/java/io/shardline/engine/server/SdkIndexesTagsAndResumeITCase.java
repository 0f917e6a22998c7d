package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.engine.testing.Await;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Secondary indexes, tags, the describe calls infrastructure tools make, and resuming a stream from a
 * sequence number, as the AWS SDK for Java v2 sees them over the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SdkIndexesTagsAndResumeITCase {
    private ServerFixture fixture;
    private DynamoDbClient client;
    private DynamoDbStreamsClient streams;

    @BeforeAll
    void start() {
        fixture = ServerFixture.open();
        client = fixture.client();
        streams = fixture.streamsClient();
    }

    @AfterAll
    void stop() {
        streams.close();
        client.close();
        fixture.close();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private TableDescription createGames(String name) {
        return client.createTable(r -> r.tableName(name)
                        .attributeDefinitions(
                                attribute("player", ScalarAttributeType.S),
                                attribute("game", ScalarAttributeType.S),
                                attribute("score", ScalarAttributeType.N),
                                attribute("playedAt", ScalarAttributeType.S))
                        .keySchema(key("player", KeyType.HASH), key("game", KeyType.RANGE))
                        .globalSecondaryIndexes(g -> g.indexName("byGameScore")
                                .keySchema(key("game", KeyType.HASH), key("score", KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                        .localSecondaryIndexes(l -> l.indexName("byPlayedAt")
                                .keySchema(key("player", KeyType.HASH), key("playedAt", KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .tags(Tag.builder().key("team").value("games").build())
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription();
    }

    private void putScore(String table, String player, String game, int score) {
        client.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "player",
                        AttributeValue.fromS(player),
                        "game",
                        AttributeValue.fromS(game),
                        "score",
                        AttributeValue.fromN(Integer.toString(score)),
                        "playedAt",
                        AttributeValue.fromS("2026-11-" + (10 + score % 20)))));
    }

    @Test
    void globalAndLocalIndexesAnswerQueriesAndScans() {
        TableDescription created = createGames("SdkGames");
        assertThat(created.globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("byGameScore");
        assertThat(created.localSecondaryIndexes().get(0).indexArn()).endsWith("table/SdkGames/index/byPlayedAt");
        for (int i = 0; i < 20; i++) {
            putScore("SdkGames", "p" + i, i % 2 == 0 ? "chess" : "go", 100 - i);
        }
        QueryResponse top = client.query(r -> r.tableName("SdkGames")
                .indexName("byGameScore")
                .keyConditionExpression("game = :g AND score >= :s")
                .scanIndexForward(false)
                .limit(3)
                .expressionAttributeValues(
                        Map.of(":g", AttributeValue.fromS("chess"), ":s", AttributeValue.fromN("90"))));
        assertThat(top.items()).extracting(i -> i.get("player").s()).containsExactly("p0", "p2", "p4");
        assertThat(top.items().get(0)).containsOnlyKeys("player", "game", "score");
        assertThat(top.lastEvaluatedKey()).containsOnlyKeys("player", "game", "score");
        QueryResponse next = client.query(r -> r.tableName("SdkGames")
                .indexName("byGameScore")
                .keyConditionExpression("game = :g AND score >= :s")
                .scanIndexForward(false)
                .exclusiveStartKey(top.lastEvaluatedKey())
                .expressionAttributeValues(
                        Map.of(":g", AttributeValue.fromS("chess"), ":s", AttributeValue.fromN("90"))));
        assertThat(next.items()).extracting(i -> i.get("player").s()).containsExactly("p6", "p8", "p10");
        assertThat(client.scan(r -> r.tableName("SdkGames").indexName("byPlayedAt"))
                        .count())
                .isEqualTo(20);
        assertThat(client.describeTable(r -> r.tableName("SdkGames"))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .itemCount())
                .isEqualTo(20L);
        assertThatThrownBy(() -> client.query(r -> r.tableName("SdkGames")
                        .indexName("nope")
                        .keyConditionExpression("game = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("go")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("does not have the specified index");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("SdkGames")
                        .item(Map.of(
                                "player",
                                AttributeValue.fromS("px"),
                                "game",
                                AttributeValue.fromS("go"),
                                "score",
                                AttributeValue.fromS("high")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Type mismatch for Index Key score");
    }

    @Test
    void aGlobalIndexCreatedLaterIsBackfilledThenDeleted() throws Exception {
        createGames("SdkLater");
        for (int i = 0; i < 50; i++) {
            putScore("SdkLater", "p" + i, "go", i);
        }
        client.updateTable(r -> r.tableName("SdkLater")
                .attributeDefinitions(attribute("playedAt", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byDay")
                        .keySchema(key("playedAt", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        Await.until(
                Duration.ofSeconds(60),
                () -> byDay(client).indexStatus() == IndexStatus.ACTIVE,
                "byDay becoming ACTIVE");
        GlobalSecondaryIndexDescription byDay = byDay(client);
        assertThat(byDay.itemCount()).isEqualTo(50L);
        assertThat(client.query(r -> r.tableName("SdkLater")
                                .indexName("byDay")
                                .keyConditionExpression("playedAt = :d")
                                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("2026-11-10"))))
                        .count())
                .isEqualTo(3);
        client.updateTable(
                r -> r.tableName("SdkLater").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byDay"))));
        assertThat(client.describeTable(r -> r.tableName("SdkLater")).table().globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("byGameScore");
    }

    private static GlobalSecondaryIndexDescription byDay(DynamoDbClient client) {
        return client.describeTable(r -> r.tableName("SdkLater")).table().globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("byDay"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void tagsAndTheDescribeCallsToolsMakeFirst() {
        String arn = createGames("SdkTags").tableArn();
        client.tagResource(r -> r.resourceArn(arn)
                .tags(
                        Tag.builder().key("env").value("dev").build(),
                        Tag.builder().key("owner").value("ada").build()));
        client.untagResource(r -> r.resourceArn(arn).tagKeys("owner"));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(
                        Tag.builder().key("team").value("games").build(),
                        Tag.builder().key("env").value("dev").build());
        assertThatThrownBy(() -> client.listTagsOfResource(r -> r.resourceArn(arn + "x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.tagResource(r -> r.resourceArn(arn)
                        .tags(Tag.builder().key("aws:x").value("v").build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("aws:");
        assertThat(client.describeContinuousBackups(r -> r.tableName("SdkTags"))
                        .continuousBackupsDescription()
                        .continuousBackupsStatus())
                .isEqualTo(ContinuousBackupsStatus.DISABLED);
        assertThatThrownBy(() -> client.describeContinuousBackups(r -> r.tableName("Missing")))
                .isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> client.updateContinuousBackups(r -> r.tableName("SdkTags")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Point-in-time recovery is not supported");
        assertThat(client.describeLimits(r -> {}).tableMaxReadCapacityUnits()).isPositive();
        assertThat(client.describeEndpoints(r -> {}).endpoints().get(0).address())
                .isEqualTo(
                        fixture.endpoint().getHost() + ":" + fixture.endpoint().getPort());
        assertThat(client.executeStatement(r -> r.statement("SELECT * FROM SdkTags WHERE player = ?")
                                .parameters(AttributeValue.fromS("nobody")))
                        .items())
                .as("PartiQL over the SDK")
                .isEmpty();
        assertThatThrownBy(() -> client.listBackups(r -> {}))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("ListBackups");
    }

    @Test
    void aReaderResumesAtAndAfterASequenceNumberTheEngineHandedOut() {
        String streamArn = createGames("SdkResume").latestStreamArn();
        for (int i = 0; i < 8; i++) {
            putScore("SdkResume", "p", "g" + i, i);
        }
        String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().stream()
                .filter(s -> !streams.getRecords(g ->
                                g.shardIterator(streams.getShardIterator(i -> i.streamArn(streamArn)
                                                .shardId(s.shardId())
                                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                                        .shardIterator()))
                        .records()
                        .isEmpty())
                .findFirst()
                .orElseThrow()
                .shardId();
        List<Record> all = streams.getRecords(g -> g.shardIterator(streams.getShardIterator(i ->
                                i.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator()))
                .records();
        assertThat(all).hasSize(8);
        String fourth = all.get(3).dynamodb().sequenceNumber();
        assertThat(new BigInteger(fourth)).isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        for (ShardIteratorType type :
                List.of(ShardIteratorType.AT_SEQUENCE_NUMBER, ShardIteratorType.AFTER_SEQUENCE_NUMBER)) {
            String iterator = streams.getShardIterator(i -> i.streamArn(streamArn)
                            .shardId(shard)
                            .shardIteratorType(type)
                            .sequenceNumber(fourth))
                    .shardIterator();
            List<Record> resumed =
                    streams.getRecords(g -> g.shardIterator(iterator)).records();
            assertThat(resumed)
                    .extracting(r -> r.dynamodb().keys().get("game").s())
                    .as(type.toString())
                    .containsExactlyElementsOf(
                            type == ShardIteratorType.AT_SEQUENCE_NUMBER
                                    ? List.of("g3", "g4", "g5", "g6", "g7")
                                    : List.of("g4", "g5", "g6", "g7"));
        }
    }
}
