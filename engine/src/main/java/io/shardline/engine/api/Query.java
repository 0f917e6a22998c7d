package io.shardline.engine.api;

import io.shardline.engine.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Query: the items of one partition key, optionally narrowed by a sort key condition. */
public final class Query {
    private Query() {
    }

    public record Request(String tableName, Map<String, Condition> keyConditions, Boolean scanIndexForward,
                          Integer limit, Map<String, AttributeValue> exclusiveStartKey, String select,
                          Boolean consistentRead, List<String> attributesToGet, String returnConsumedCapacity) {
        public static Request of(String tableName, Map<String, Condition> keyConditions) {
            return new Request(tableName, keyConditions, null, null, null, null, null, null, null);
        }
    }
}
