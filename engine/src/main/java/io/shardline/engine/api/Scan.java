package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/** Scan: every item of a table or of one of its secondary indexes, paged, optionally one segment of a parallel scan. */
public final class Scan {
    private Scan() {}

    public record Request(
            @Required String tableName,
            Integer limit,
            Map<String, AttributeValue> exclusiveStartKey,
            String select,
            Integer segment,
            Integer totalSegments,
            Boolean consistentRead,
            List<String> attributesToGet,
            String returnConsumedCapacity,
            String filterExpression,
            String projectionExpression,
            Map<String, String> expressionAttributeNames,
            Map<String, AttributeValue> expressionAttributeValues,
            String indexName,
            Map<String, Condition> scanFilter,
            String conditionalOperator) {
        /** A Scan without the legacy ScanFilter and ConditionalOperator. */
        public Request(
                String tableName,
                Integer limit,
                Map<String, AttributeValue> exclusiveStartKey,
                String select,
                Integer segment,
                Integer totalSegments,
                Boolean consistentRead,
                List<String> attributesToGet,
                String returnConsumedCapacity,
                String filterExpression,
                String projectionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues,
                String indexName) {
            this(
                    tableName,
                    limit,
                    exclusiveStartKey,
                    select,
                    segment,
                    totalSegments,
                    consistentRead,
                    attributesToGet,
                    returnConsumedCapacity,
                    filterExpression,
                    projectionExpression,
                    expressionAttributeNames,
                    expressionAttributeValues,
                    indexName,
                    null,
                    null);
        }

        /** A Scan of the table itself. */
        public Request(
                String tableName,
                Integer limit,
                Map<String, AttributeValue> exclusiveStartKey,
                String select,
                Integer segment,
                Integer totalSegments,
                Boolean consistentRead,
                List<String> attributesToGet,
                String returnConsumedCapacity,
                String filterExpression,
                String projectionExpression,
                Map<String, String> expressionAttributeNames,
                Map<String, AttributeValue> expressionAttributeValues) {
            this(
                    tableName,
                    limit,
                    exclusiveStartKey,
                    select,
                    segment,
                    totalSegments,
                    consistentRead,
                    attributesToGet,
                    returnConsumedCapacity,
                    filterExpression,
                    projectionExpression,
                    expressionAttributeNames,
                    expressionAttributeValues,
                    null);
        }

        public static Request of(String tableName) {
            return new Request(tableName, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }
}
