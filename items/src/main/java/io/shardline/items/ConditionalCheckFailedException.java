package io.shardline.items;

import java.util.Map;

/**
 * A write's condition did not hold; nothing was written. Carries the item as it was when the request
 * asked for it with ReturnValuesOnConditionCheckFailure ALL_OLD.
 */
public final class ConditionalCheckFailedException extends DynamoException {
    private final transient Map<String, AttributeValue> item;

    public ConditionalCheckFailedException(Map<String, AttributeValue> item) {
        super(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
        this.item = item;
    }

    /** The item at the time of the check, or null (not asked for, or absent). */
    public Map<String, AttributeValue> item() {
        return item;
    }
}
