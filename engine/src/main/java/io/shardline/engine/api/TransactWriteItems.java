package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks on distinct items, all
 * applied or none. A ClientRequestToken makes a retry within 10 minutes return without writing again.
 */
public final class TransactWriteItems {
    private TransactWriteItems() {}

    public record Request(
            @Required List<TransactWriteItem> transactItems,
            String clientRequestToken,
            String returnConsumedCapacity,
            String returnItemCollectionMetrics) {
        public static Request of(List<TransactWriteItem> items) {
            return new Request(items, null, null, null);
        }
    }

    public record Response() {}

    /** Exactly one of the four actions. */
    public record TransactWriteItem(ConditionCheck conditionCheck, Put put, Delete delete, Update update) {}

    public record ConditionCheck(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            @Required String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure) {}

    public record Put(
            @Required String tableName,
            @Required Map<String, AttributeValue> item,
            String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure) {}

    public record Delete(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure) {}

    public record Update(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            @Required String updateExpression,
            String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure) {}
}
