package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;

/**
 * A legacy {@code Expected} condition on one attribute: either {@code Exists}/{@code Value} (the
 * attribute is absent, or equals the value) or a comparison operator with its operands.
 */
public record ExpectedAttributeValue(
        AttributeValue value, Boolean exists, String comparisonOperator, List<AttributeValue> attributeValueList) {}
