package io.shardline.jobs.game;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
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
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("eventId")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("eventId")
                                .keyType(KeyType.HASH)
                                .build())
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                        .build());
        create(
                client,
                CreateTableRequest.builder()
                        .tableName(metrics)
                        .attributeDefinitions(
                                AttributeDefinition.builder()
                                        .attributeName("gameAction")
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName("window")
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName("gameAction")
                                        .keyType(KeyType.HASH)
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName("window")
                                        .keyType(KeyType.RANGE)
                                        .build())
                        .build());
        create(
                client,
                CreateTableRequest.builder()
                        .tableName(lateEvents)
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("eventId")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("eventId")
                                .keyType(KeyType.HASH)
                                .build())
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
