package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Query: the items of one partition key of a table or of one of its secondary indexes ({@code indexName}),
 * optionally narrowed by a sort key condition, filtered and projected (by expressions or their legacy forms).
 */
public final class Query {
    private Query() {}

    public record Request(
            @Required String tableName,
            Map<String, Condition> keyConditions,
            Boolean scanIndexForward,
            Integer limit,
            Map<String, AttributeValue> exclusiveStartKey,
            String select,
            Boolean consistentRead,
            List<String> attributesToGet,
            String returnConsumedCapacity,
            String keyConditionExpression,
            String filterExpression,
            String projectionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String indexName,
            Map<String, Condition> queryFilter,
            String conditionalOperator) {
        /** A Query without the legacy QueryFilter and ConditionalOperator. */
        public Request(
                String tableName,
                Map<String, Condition> keyConditions,
                Boolean scanIndexForward,
                Integer limit,
                Map<String, AttributeValue> exclusiveStartKey,
                String select,
                Boolean consistentRead,
                List<String> attributesToGet,
                String returnConsumedCapacity,
                String keyConditionExpression,
                String filterExpression,
                String projectionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues,
                String indexName) {
            this(
                    tableName,
                    keyConditions,
                    scanIndexForward,
                    limit,
                    exclusiveStartKey,
                    select,
                    consistentRead,
                    attributesToGet,
                    returnConsumedCapacity,
                    keyConditionExpression,
                    filterExpression,
                    projectionExpression,
                    expressionAttributeNames,
                    expressionAttributeValues,
                    indexName,
                    null,
                    null);
        }

        /** A Query of the table itself. */
        public Request(
                String tableName,
                Map<String, Condition> keyConditions,
                Boolean scanIndexForward,
                Integer limit,
                Map<String, AttributeValue> exclusiveStartKey,
                String select,
                Boolean consistentRead,
                List<String> attributesToGet,
                String returnConsumedCapacity,
                String keyConditionExpression,
                String filterExpression,
                String projectionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues) {
            this(
                    tableName,
                    keyConditions,
                    scanIndexForward,
                    limit,
                    exclusiveStartKey,
                    select,
                    consistentRead,
                    attributesToGet,
                    returnConsumedCapacity,
                    keyConditionExpression,
                    filterExpression,
                    projectionExpression,
                    expressionAttributeNames,
                    expressionAttributeValues,
                    null);
        }

        public static Request of(String tableName, Map<String, Condition> keyConditions) {
            return new Request(
                    tableName, keyConditions, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** A Query by key condition expression. */
        public static Request of(
                String tableName,
                String keyConditionExpression,
                Map<String, String> names,
                Map<String, AttributeValue> values) {
            return new Request(
                    tableName,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    keyConditionExpression,
                    null,
                    null,
                    names,
                    values);
        }
    }
}
