package io.shardline.engine.item;

import io.shardline.items.AttributeValue;
import java.util.Map;

/** An item before and after one write; either side is null where the item did not exist. */
public record ItemChange(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {

    public boolean changed() {
        return oldItem == null ? newItem != null : !oldItem.equals(newItem);
    }
}
