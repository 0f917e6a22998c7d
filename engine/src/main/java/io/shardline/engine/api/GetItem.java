package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/** GetItem: reads one item by key; every read sees every acknowledged write. */
public final class GetItem {
    private GetItem() {}

    public record Request(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            Boolean consistentRead,
            List<String> attributesToGet,
            String returnConsumedCapacity,
            String projectionExpression,
            Map<String, String> expressionAttributeNames) {
        public static Request of(String tableName, Map<String, AttributeValue> key) {
            return new Request(tableName, key, null, null, null, null, null);
        }
    }

    public record Response(Map<String, AttributeValue> item) {}
}
