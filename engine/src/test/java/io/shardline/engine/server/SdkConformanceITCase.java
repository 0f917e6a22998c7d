package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The engine's wire protocol as the AWS SDK for Java v2 sees it: every table and item operation and error. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SdkConformanceITCase {
    private ServerFixture fixture;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        fixture = ServerFixture.open();
        client = fixture.client();
    }

    @AfterAll
    void stop() {
        client.close();
        fixture.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private void createTable(String name, String partitionKey, String sortKey, int partitions) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> schema = new ArrayList<>();
        definitions.add(AttributeDefinition.builder()
                .attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S)
                .build());
        schema.add(KeySchemaElement.builder()
                .attributeName(partitionKey)
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            definitions.add(AttributeDefinition.builder()
                    .attributeName(sortKey)
                    .attributeType(ScalarAttributeType.N)
                    .build());
            schema.add(KeySchemaElement.builder()
                    .attributeName(sortKey)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        client.createTable(CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(definitions)
                .keySchema(schema)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .tags(Tag.builder()
                        .key("shardline:partitions")
                        .value(Integer.toString(partitions))
                        .build())
                .build());
    }

    @Test
    void tableLifecycleThroughTheSdk() {
        TableDescription created = client.createTable(r -> r.tableName("SdkTables")
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("id")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("id")
                                .keyType(KeyType.HASH)
                                .build())
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                        .streamSpecification(StreamSpecification.builder()
                                .streamEnabled(true)
                                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                                .build()))
                .tableDescription();
        assertEquals(TableStatus.ACTIVE, created.tableStatus());
        client.waiter().waitUntilTableExists(r -> r.tableName("SdkTables"));
        TableDescription described =
                client.describeTable(r -> r.tableName("SdkTables")).table();
        assertEquals("SdkTables", described.tableName());
        assertEquals(
                StreamViewType.NEW_AND_OLD_IMAGES,
                described.streamSpecification().streamViewType());
        assertNotNull(described.latestStreamArn());
        assertNotNull(described.creationDateTime());
        assertEquals(5L, described.provisionedThroughput().readCapacityUnits());
        assertThrows(
                ResourceInUseException.class,
                () -> client.createTable(r -> r.tableName("SdkTables")
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("id")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("id")
                                .keyType(KeyType.HASH)
                                .build())
                        .billingMode(BillingMode.PAY_PER_REQUEST)));
        client.updateTable(r -> r.tableName("SdkTables").billingMode(BillingMode.PAY_PER_REQUEST));
        assertEquals(
                BillingMode.PAY_PER_REQUEST,
                client.describeTable(r -> r.tableName("SdkTables"))
                        .table()
                        .billingModeSummary()
                        .billingMode());
        client.updateTimeToLive(r -> r.tableName("SdkTables")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertEquals(
                TimeToLiveStatus.ENABLED,
                client.describeTimeToLive(r -> r.tableName("SdkTables"))
                        .timeToLiveDescription()
                        .timeToLiveStatus());
        for (int i = 0; i < 5; i++) {
            createTable("SdkPaged" + i, "id", null, 1);
        }
        List<String> names = client.listTablesPaginator(r -> r.limit(2)).tableNames().stream()
                .toList();
        assertTrue(
                names.containsAll(
                        IntStream.range(0, 5).mapToObj(i -> "SdkPaged" + i).toList()),
                names.toString());
        assertEquals(names.size(), new HashSet<>(names).size());
        client.deleteTable(r -> r.tableName("SdkTables"));
        client.waiter().waitUntilTableNotExists(r -> r.tableName("SdkTables"));
        ResourceNotFoundException missing = assertThrows(
                ResourceNotFoundException.class, () -> client.describeTable(r -> r.tableName("SdkTables")));
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
        assertEquals(400, missing.statusCode());
    }

    @Test
    void itemOperationsThroughTheSdk() {
        createTable("SdkItems", "pk", "sk", 3);
        client.putItem(r -> r.tableName("SdkItems")
                .item(Map.of(
                        "pk",
                        s("a"),
                        "sk",
                        n(1),
                        "v",
                        s("one"),
                        "bin",
                        AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                        "tags",
                        AttributeValue.fromSs(List.of("x", "y")))));
        Map<String, AttributeValue> got = client.getItem(r -> r.tableName("SdkItems")
                        .key(Map.of("pk", s("a"), "sk", n(1)))
                        .consistentRead(true))
                .item();
        assertEquals("one", got.get("v").s());
        assertEquals("bytes", got.get("bin").b().asUtf8String());
        assertEquals(Set.of("x", "y"), new HashSet<>(got.get("tags").ss()));
        Map<String, AttributeValue> updated = client.updateItem(r -> r.tableName("SdkItems")
                        .key(Map.of("pk", s("a"), "sk", n(1)))
                        .updateExpression("SET #c = if_not_exists(#c, :zero) + :one REMOVE v")
                        .expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1)))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        assertEquals("1", updated.get("count").n());
        assertFalse(updated.containsKey("v"));
        ConditionalCheckFailedException failed = assertThrows(
                ConditionalCheckFailedException.class,
                () -> client.putItem(r -> r.tableName("SdkItems")
                        .item(Map.of("pk", s("a"), "sk", n(1)))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("1", failed.item().get("count").n(), "the SDK receives the item of a failed condition");
        Map<String, AttributeValue> old = client.deleteItem(r -> r.tableName("SdkItems")
                        .key(Map.of("pk", s("a"), "sk", n(1)))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        assertEquals("1", old.get("count").n());

        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder()
                            .item(Map.of("pk", s("q"), "sk", n(i), "payload", s("p" + i)))
                            .build())
                    .build());
        }
        assertTrue(client.batchWriteItem(r -> r.requestItems(Map.of("SdkItems", writes)))
                .unprocessedItems()
                .isEmpty());
        BatchGetItemResponse batch = client.batchGetItem(r -> r.requestItems(Map.of(
                "SdkItems",
                KeysAndAttributes.builder()
                        .keys(List.of(Map.of("pk", s("q"), "sk", n(3)), Map.of("pk", s("q"), "sk", n(4))))
                        .projectionExpression("payload")
                        .build())));
        assertEquals(
                Set.of("p3", "p4"),
                batch.responses().get("SdkItems").stream()
                        .map(i -> i.get("payload").s())
                        .collect(Collectors.toSet()));

        List<String> queried = client
                .queryPaginator(r -> r.tableName("SdkItems")
                        .keyConditionExpression("pk = :q AND sk >= :from")
                        .expressionAttributeValues(Map.of(":q", s("q"), ":from", n(5)))
                        .limit(4)
                        .scanIndexForward(false))
                .items()
                .stream()
                .map(i -> i.get("payload").s())
                .toList();
        assertEquals(
                IntStream.iterate(24, i -> i >= 5, i -> i - 1)
                        .mapToObj(i -> "p" + i)
                        .toList(),
                queried);
        int counted = client.query(r -> r.tableName("SdkItems")
                        .keyConditionExpression("pk = :q")
                        .filterExpression("payload = :p")
                        .expressionAttributeValues(Map.of(":q", s("q"), ":p", s("p7"))))
                .count();
        assertEquals(1, counted);

        Set<String> scanned = new HashSet<>();
        for (int segment = 0; segment < 3; segment++) {
            int current = segment;
            client.scanPaginator(r ->
                            r.tableName("SdkItems").limit(7).segment(current).totalSegments(3))
                    .items()
                    .forEach(i -> assertTrue(scanned.add(i.get("payload").s()), "once only"));
        }
        assertEquals(25, scanned.size());

        client.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("SdkItems").item(Map.of("pk", s("t"), "sk", n(1))))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName("SdkItems")
                                        .key(Map.of("pk", s("q"), "sk", n(0)))
                                        .updateExpression("SET done = :yes")
                                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))))
                                .build())
                .clientRequestToken("sdk-token"));
        TransactionCanceledException canceled = assertThrows(
                TransactionCanceledException.class,
                () -> client.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder()
                                .conditionCheck(c -> c.tableName("SdkItems")
                                        .key(Map.of("pk", s("t"), "sk", n(1)))
                                        .conditionExpression("attribute_not_exists(pk)"))
                                .build(),
                        TransactWriteItem.builder()
                                .delete(d -> d.tableName("SdkItems").key(Map.of("pk", s("q"), "sk", n(0))))
                                .build())));
        assertEquals(
                List.of("ConditionalCheckFailed", "None"),
                canceled.cancellationReasons().stream().map(c -> c.code()).toList());
        assertThrows(
                IdempotentParameterMismatchException.class,
                () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                                .put(p -> p.tableName("SdkItems").item(Map.of("pk", s("t"), "sk", n(2))))
                                .build())
                        .clientRequestToken("sdk-token")));
        List<Map<String, AttributeValue>> read = client
                .transactGetItems(r -> r.transactItems(
                        TransactGetItem.builder()
                                .get(g -> g.tableName("SdkItems").key(Map.of("pk", s("q"), "sk", n(0))))
                                .build(),
                        TransactGetItem.builder()
                                .get(g -> g.tableName("SdkItems").key(Map.of("pk", s("none"), "sk", n(0))))
                                .build()))
                .responses()
                .stream()
                .map(r -> r.item())
                .toList();
        assertTrue(read.get(0).get("done").bool());
        assertTrue(read.get(1) == null || read.get(1).isEmpty());

        DynamoDbException invalid = assertThrows(
                DynamoDbException.class,
                () -> client.putItem(r -> r.tableName("SdkItems").item(Map.of("pk", s("a")))));
        assertEquals("ValidationException", invalid.awsErrorDetails().errorCode());
        assertThat(invalid).hasMessageContaining("Missing the key sk");
        assertThrows(
                ResourceNotFoundException.class,
                () -> client.getItem(r -> r.tableName("Nope").key(Map.of("pk", s("a")))));
    }

    @Test
    void asyncClientReadsAndWrites() throws Exception {
        createTable("SdkAsync", "id", null, 2);
        try (DynamoDbAsyncClient async = fixture.asyncClient()) {
            List<java.util.concurrent.CompletableFuture<?>> puts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int id = i;
                puts.add(async.putItem(r -> r.tableName("SdkAsync").item(Map.of("id", s("k" + id), "n", n(id)))));
            }
            java.util.concurrent.CompletableFuture.allOf(puts.toArray(new java.util.concurrent.CompletableFuture[0]))
                    .get();
            assertEquals(
                    "7",
                    async.getItem(r -> r.tableName("SdkAsync").key(Map.of("id", s("k7"))))
                            .get()
                            .item()
                            .get("n")
                            .n());
            assertEquals(
                    50,
                    async.scan(r -> r.tableName("SdkAsync").select("COUNT"))
                            .get()
                            .count());
        }
    }

    /** A bean mapped by the enhanced client. */
    @DynamoDbBean
    public static class Player {
        private String game;
        private Integer rank;
        private String name;
        private Map<String, Integer> stats;

        @DynamoDbPartitionKey
        public String getGame() {
            return game;
        }

        public void setGame(String game) {
            this.game = game;
        }

        @DynamoDbSortKey
        public Integer getRank() {
            return rank;
        }

        public void setRank(Integer rank) {
            this.rank = rank;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Map<String, Integer> getStats() {
            return stats;
        }

        public void setStats(Map<String, Integer> stats) {
            this.stats = stats;
        }
    }

    @Test
    void enhancedClientMapsABeanTable() {
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<Player> players = enhanced.table("SdkPlayers", TableSchema.fromBean(Player.class));
        players.createTable();
        for (int i = 1; i <= 12; i++) {
            Player player = new Player();
            player.setGame("chess");
            player.setRank(i);
            player.setName("player" + i);
            player.setStats(Map.of("wins", i * 2));
            players.putItem(player);
        }
        Player third = players.getItem(
                Key.builder().partitionValue("chess").sortValue(3).build());
        assertEquals("player3", third.getName());
        assertEquals(Map.of("wins", 6), third.getStats());
        List<Integer> topFive = players
                .query(r -> r.queryConditional(QueryConditional.sortLessThanOrEqualTo(Key.builder()
                                .partitionValue("chess")
                                .sortValue(5)
                                .build()))
                        .limit(2))
                .items()
                .stream()
                .map(Player::getRank)
                .toList();
        assertEquals(List.of(1, 2, 3, 4, 5), topFive);
        assertEquals(12, players.scan().items().stream().count());
        players.deleteItem(third);
        assertNull(players.getItem(
                Key.builder().partitionValue("chess").sortValue(3).build()));
        Map<String, Integer> ranks = new HashMap<>();
        players.scan().items().forEach(p -> ranks.put(p.getName(), p.getRank()));
        assertEquals(11, ranks.size());
    }
}
