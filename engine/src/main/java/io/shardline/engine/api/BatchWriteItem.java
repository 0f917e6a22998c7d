package io.shardline.engine.api;

import java.util.List;
import java.util.Map;

/** BatchWriteItem: up to 25 puts and deletes across tables, each applied on its own. */
public final class BatchWriteItem {
    private BatchWriteItem() {}

    public record Request(
            @Required Map<String, List<WriteRequest>> requestItems,
            String returnConsumedCapacity,
            String returnItemCollectionMetrics) {
        public static Request of(Map<String, List<WriteRequest>> requestItems) {
            return new Request(requestItems, null, null);
        }
    }

    public record Response(Map<String, List<WriteRequest>> unprocessedItems) {}
}
