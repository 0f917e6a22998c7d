package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/** BatchGetItem: up to 100 items by key across tables. */
public final class BatchGetItem {
    private BatchGetItem() {}

    public record Request(@Required Map<String, KeysAndAttributes> requestItems, String returnConsumedCapacity) {
        public static Request of(Map<String, KeysAndAttributes> requestItems) {
            return new Request(requestItems, null);
        }
    }

    public record Response(
            Map<String, List<Map<String, AttributeValue>>> responses, Map<String, KeysAndAttributes> unprocessedKeys) {}
}
