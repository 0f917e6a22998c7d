package io.shardline.engine.api;

import io.shardline.engine.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Scan: every item of a table, paged, optionally one segment of a parallel scan. */
public final class Scan {
    private Scan() {
    }

    public record Request(String tableName, Integer limit, Map<String, AttributeValue> exclusiveStartKey,
                          String select, Integer segment, Integer totalSegments, Boolean consistentRead,
                          List<String> attributesToGet, String returnConsumedCapacity, String filterExpression,
                          String projectionExpression, Map<String, String> expressionAttributeNames,
                          Map<String, AttributeValue> expressionAttributeValues) {
        public static Request of(String tableName) {
            return new Request(tableName, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }
}
