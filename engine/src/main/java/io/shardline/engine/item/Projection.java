package io.shardline.engine.item;

import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.DynamoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a read returns of each item: all attributes, the named top-level ones, or only a count. */
record Projection(boolean countOnly, List<String> attributes) {
    static final Projection ALL = new Projection(false, null);

    /** Interprets Select and the legacy AttributesToGet as DynamoDB does. */
    static Projection of(String select, List<String> attributesToGet) {
        boolean named = attributesToGet != null;
        if (named && attributesToGet.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value '[]' at 'attributesToGet' "
                    + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (named && attributesToGet.size() != attributesToGet.stream().distinct().count()) {
            throw DynamoException.validation("One or more parameter values were invalid: Duplicate value in "
                    + "attribute name: " + attributesToGet);
        }
        if (select == null) {
            return named ? new Projection(false, List.copyOf(attributesToGet)) : ALL;
        }
        switch (select) {
            case "ALL_ATTRIBUTES":
                if (named) {
                    throw DynamoException.validation(
                            "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
                }
                return ALL;
            case "COUNT":
                if (named) {
                    throw DynamoException.validation("Cannot specify the AttributesToGet when choosing to get only the COUNT");
                }
                return new Projection(true, null);
            case "SPECIFIC_ATTRIBUTES":
                if (!named) {
                    throw DynamoException.validation("Must specify the AttributesToGet when choosing to get SPECIFIC_ATTRIBUTES");
                }
                return new Projection(false, List.copyOf(attributesToGet));
            case "ALL_PROJECTED_ATTRIBUTES":
                throw DynamoException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
            default:
                throw DynamoException.validation("1 validation error detected: Value '" + select + "' at 'select' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: "
                        + "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        if (attributes == null) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (String name : attributes) {
            AttributeValue value = item.get(name);
            if (value != null) {
                projected.put(name, value);
            }
        }
        return projected;
    }
}
