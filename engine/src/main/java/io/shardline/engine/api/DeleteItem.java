package io.shardline.engine.api;

import io.shardline.engine.model.AttributeValue;
import java.util.Map;

/** DeleteItem: removes an item by key. ReturnValues NONE or ALL_OLD. */
public final class DeleteItem {
    private DeleteItem() {
    }

    public record Request(@Required String tableName, @Required Map<String, AttributeValue> key, String returnValues,
                          String returnConsumedCapacity, String returnItemCollectionMetrics,
                          String conditionExpression, Map<String, String> expressionAttributeNames,
                          Map<String, AttributeValue> expressionAttributeValues,
                          String returnValuesOnConditionCheckFailure) {
        public static Request of(String tableName, Map<String, AttributeValue> key) {
            return new Request(tableName, key, null, null, null, null, null, null, null);
        }
    }

    public record Response(Map<String, AttributeValue> attributes) {
    }
}
