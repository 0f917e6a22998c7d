package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/** TransactGetItems: up to 100 items read from one consistent point in time. */
public final class TransactGetItems {
    private TransactGetItems() {}

    public record Request(@Required List<TransactGetItem> transactItems, String returnConsumedCapacity) {
        public static Request of(List<TransactGetItem> items) {
            return new Request(items, null);
        }
    }

    public record TransactGetItem(@Required Get get) {}

    public record Get(
            @Required String tableName,
            @Required Map<String, AttributeValue> key,
            String projectionExpression,
            Map<String, String> expressionAttributeNames) {}

    /** One response per requested item, in request order; {@code item} is absent where none exists. */
    public record Response(List<ItemResponse> responses) {}

    public record ItemResponse(Map<String, AttributeValue> item) {}
}
