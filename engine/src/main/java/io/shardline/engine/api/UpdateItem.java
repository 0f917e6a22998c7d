package io.shardline.engine.api;

import io.shardline.engine.model.AttributeValue;
import java.util.Map;

/**
 * UpdateItem with legacy AttributeUpdates; creates the item when it does not exist. ReturnValues
 * NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW.
 */
public final class UpdateItem {
    private UpdateItem() {
    }

    public record Request(String tableName, Map<String, AttributeValue> key,
                          Map<String, AttributeValueUpdate> attributeUpdates, String returnValues,
                          String returnConsumedCapacity, String returnItemCollectionMetrics) {
        public static Request of(String tableName, Map<String, AttributeValue> key,
                                 Map<String, AttributeValueUpdate> attributeUpdates, String returnValues) {
            return new Request(tableName, key, attributeUpdates, returnValues, null, null);
        }
    }

    public record Response(Map<String, AttributeValue> attributes) {
    }
}
