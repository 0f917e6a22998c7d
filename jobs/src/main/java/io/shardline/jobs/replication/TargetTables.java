package io.shardline.jobs.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Makes target tables ready before anything is written to them: refuses one whose key schema
 * differs from the source's, naming both, and creates missing ones with the source's key schema,
 * attribute definitions, secondary indexes and stream settings (on-demand capacity).
 */
final class TargetTables {
    private TargetTables() {}

    /**
     * Whether the target exists; refuses one whose key schema differs from the source's, naming
     * both.
     */
    static boolean exists(TableDescription source, DynamoDbClient client, ReplicationTarget target) {
        TableDescription existing;
        try {
            existing = client.describeTable(r -> r.tableName(target.table())).table();
        } catch (ResourceNotFoundException missing) {
            return false;
        }
        String wanted = keySchema(source);
        String found = keySchema(existing);
        if (!wanted.equals(found)) {
            throw new IllegalArgumentException("Target table " + target.name() + " has key schema " + found
                    + " but the source table " + source.tableName() + " has " + wanted + "; a replica needs the "
                    + "same key schema. Nothing was written.");
        }
        return true;
    }

    /** Creates the target like the source and waits until it is active. */
    static void create(TableDescription source, DynamoDbClient client, ReplicationTarget target) {
        client.createTable(creation(source, target.table()));
        client.waiter().waitUntilTableExists(r -> r.tableName(target.table()));
    }

    /** The key schema as people read it: {@code [pk S HASH, sk N RANGE]}. */
    static String keySchema(TableDescription table) {
        Map<String, String> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(
                        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        List<String> elements = new ArrayList<>();
        for (KeySchemaElement element : table.keySchema()) {
            elements.add(element.attributeName() + " " + types.get(element.attributeName()) + " "
                    + element.keyTypeAsString());
        }
        return elements.toString();
    }

    private static CreateTableRequest creation(TableDescription source, String table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(source.attributeDefinitions())
                .keySchema(source.keySchema());
        if (source.hasGlobalSecondaryIndexes()
                && !source.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(source.globalSecondaryIndexes().stream()
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName(index.indexName())
                            .keySchema(index.keySchema())
                            .projection(index.projection())
                            .build())
                    .toList());
        }
        if (source.hasLocalSecondaryIndexes() && !source.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(source.localSecondaryIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(index.indexName())
                            .keySchema(index.keySchema())
                            .projection(index.projection())
                            .build())
                    .toList());
        }
        if (source.streamSpecification() != null
                && Boolean.TRUE.equals(source.streamSpecification().streamEnabled())) {
            request.streamSpecification(source.streamSpecification());
        }
        return request.build();
    }
}
