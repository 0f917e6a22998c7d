package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.Map;

/** DeleteItem: removes an item by key, optionally under a condition. ReturnValues NONE or ALL_OLD. */
public final class DeleteItem {
    private DeleteItem() {}

    public record Request(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            String returnValues,
            String returnConsumedCapacity,
            String returnItemCollectionMetrics,
            String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure,
            Map<String, ExpectedAttributeValue> expected,
            String conditionalOperator) {
        /** A DeleteItem without the legacy Expected and ConditionalOperator. */
        public Request(
                String tableName,
                Map<String, AttributeValue> key,
                String returnValues,
                String returnConsumedCapacity,
                String returnItemCollectionMetrics,
                String conditionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues,
                String returnValuesOnConditionCheckFailure) {
            this(
                    tableName,
                    key,
                    returnValues,
                    returnConsumedCapacity,
                    returnItemCollectionMetrics,
                    conditionExpression,
                    expressionAttributeNames,
                    expressionAttributeValues,
                    returnValuesOnConditionCheckFailure,
                    null,
                    null);
        }

        public static Request of(String tableName, Map<String, AttributeValue> key) {
            return new Request(tableName, key, null, null, null, null, null, null, null);
        }
    }

    public record Response(Map<String, AttributeValue> attributes) {}
}
