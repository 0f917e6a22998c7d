package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.Map;

/**
 * PutItem: creates or replaces an item, optionally under a condition (an expression or the legacy
 * Expected). ReturnValues NONE or ALL_OLD.
 */
public final class PutItem {
    private PutItem() {}

    public record Request(
            @Required String tableName,
            @Required Map<String, AttributeValue> item,
            String returnValues,
            String returnConsumedCapacity,
            String returnItemCollectionMetrics,
            String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure,
            Map<String, ExpectedAttributeValue> expected,
            String conditionalOperator) {
        /** A PutItem without the legacy Expected and ConditionalOperator. */
        public Request(
                String tableName,
                Map<String, AttributeValue> item,
                String returnValues,
                String returnConsumedCapacity,
                String returnItemCollectionMetrics,
                String conditionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues,
                String returnValuesOnConditionCheckFailure) {
            this(
                    tableName,
                    item,
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

        public static Request of(String tableName, Map<String, AttributeValue> item) {
            return new Request(tableName, item, null, null, null, null, null, null, null);
        }
    }

    public record Response(Map<String, AttributeValue> attributes) {}
}
