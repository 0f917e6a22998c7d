package io.shardline.jobs.game;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The game tables: {@code GameEvents} (key eventId, NEW_IMAGE stream), {@code GameMetrics} (key
 * gameAction and window) and {@code GameLateEvents} (key eventId), created when missing.
 */
public final class GameTables {
    private GameTables() {}

    public static void createIfMissing(DynamoDbClient client, String events, String metrics, String lateEvents) {
        create(
                client,
                CreateTableRequest.builder()
                        .tableName(events)
                        .attributeDefinitions(a -> a.attributeName("eventId").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("eventId").keyType(KeyType.HASH))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                        .build());
        create(
                client,
                CreateTableRequest.builder()
                        .tableName(metrics)
                        .attributeDefinitions(
                                a -> a.attributeName("gameAction").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("window").attributeType(ScalarAttributeType.S))
                        .keySchema(
                                k -> k.attributeName("gameAction").keyType(KeyType.HASH),
                                k -> k.attributeName("window").keyType(KeyType.RANGE))
                        .build());
        create(
                client,
                CreateTableRequest.builder()
                        .tableName(lateEvents)
                        .attributeDefinitions(a -> a.attributeName("eventId").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("eventId").keyType(KeyType.HASH))
                        .build());
    }

    private static void create(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.createTable(
                    request.toBuilder().billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException exists) {
            // Already there: keep it and its data.
        }
    }
}
