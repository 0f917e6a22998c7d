package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/** The keys BatchGetItem reads from one table, with an optional legacy projection. */
public record KeysAndAttributes(
        @Required List<Map<String, AttributeValue>> keys,
        Boolean consistentRead,
        List<String> attributesToGet,
        String projectionExpression,
        Map<String, String> expressionAttributeNames) {}
