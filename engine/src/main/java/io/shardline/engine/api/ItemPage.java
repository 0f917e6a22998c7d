package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One page of Query or Scan results. {@code items} is absent for Select COUNT;
 * {@code lastEvaluatedKey} is present when more results may follow.
 */
public record ItemPage(
        List<Map<String, AttributeValue>> items,
        int count,
        int scannedCount,
        Map<String, AttributeValue> lastEvaluatedKey) {}
