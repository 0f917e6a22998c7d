package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;

/** A legacy condition (KeyConditions, QueryFilter, ScanFilter): a comparison operator and its operands. */
public record Condition(
        List<AttributeValue> attributeValueList, @Required String comparisonOperator) {}
