package io.shardline.engine.item;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** UpdateItem's ReturnValues: which attributes, before or after the write, the response carries. */
enum ReturnValues {
    NONE,
    ALL_OLD,
    UPDATED_OLD,
    ALL_NEW,
    UPDATED_NEW;

    static ReturnValues forUpdate(String name) {
        if (name == null) {
            return NONE;
        }
        for (ReturnValues value : values()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw DynamoException.validation("1 validation error detected: Value '" + name + "' at 'returnValues' "
                + "failed to satisfy constraint: Member must satisfy enum value set: "
                + "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
    }

    /** The response attributes for a write that touched {@code updated}; null when there are none. */
    Map<String, AttributeValue> select(ItemChange change, Set<String> updated) {
        Map<String, AttributeValue> source = switch (this) {
            case NONE -> null;
            case ALL_OLD, UPDATED_OLD -> change.oldItem();
            case ALL_NEW, UPDATED_NEW -> change.newItem();
        };
        if (source == null) {
            return null;
        }
        if (this == ALL_OLD || this == ALL_NEW) {
            return source;
        }
        Map<String, AttributeValue> selected = new LinkedHashMap<>();
        for (String name : updated) {
            if (source.containsKey(name)) {
                selected.put(name, source.get(name));
            }
        }
        return selected.isEmpty() ? null : selected;
    }
}
