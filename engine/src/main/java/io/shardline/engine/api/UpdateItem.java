package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.Map;

/**
 * UpdateItem with an UpdateExpression or legacy AttributeUpdates, optionally under a condition (an
 * expression or the legacy Expected);
 * creates the item when it does not exist. ReturnValues
 * NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW.
 */
public final class UpdateItem {
    private UpdateItem() {}

    public record Request(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            Map<String, AttributeValueUpdate> attributeUpdates,
            String returnValues,
            String returnConsumedCapacity,
            String returnItemCollectionMetrics,
            String updateExpression,
            String conditionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String returnValuesOnConditionCheckFailure,
            Map<String, ExpectedAttributeValue> expected,
            String conditionalOperator) {
        /** An UpdateItem without the legacy Expected and ConditionalOperator. */
        public Request(
                String tableName,
                Map<String, AttributeValue> key,
                Map<String, AttributeValueUpdate> attributeUpdates,
                String returnValues,
                String returnConsumedCapacity,
                String returnItemCollectionMetrics,
                String updateExpression,
                String conditionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues,
                String returnValuesOnConditionCheckFailure) {
            this(
                    tableName,
                    key,
                    attributeUpdates,
                    returnValues,
                    returnConsumedCapacity,
                    returnItemCollectionMetrics,
                    updateExpression,
                    conditionExpression,
                    expressionAttributeNames,
                    expressionAttributeValues,
                    returnValuesOnConditionCheckFailure,
                    null,
                    null);
        }

        public static Request of(
                String tableName,
                Map<String, AttributeValue> key,
                Map<String, AttributeValueUpdate> attributeUpdates,
                String returnValues) {
            return new Request(
                    tableName, key, attributeUpdates, returnValues, null, null, null, null, null, null, null);
        }

        /** An UpdateItem with an update expression and its placeholders. */
        public static Request of(
                String tableName,
                Map<String, AttributeValue> key,
                String updateExpression,
                Map<String, String> names,
                Map<String, AttributeValue> values,
                String returnValues) {
            return new Request(
                    tableName, key, null, returnValues, null, null, updateExpression, null, names, values, null);
        }
    }

    public record Response(Map<String, AttributeValue> attributes) {}
}
