package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues. Tracks which were used by the
 * request's expressions so that unused ones can be rejected, as DynamoDB rejects them.
 */
public final class ExpressionAttributes {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
        if (names != null && names.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeValues must not be empty");
        }
    }

    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name == null) {
            throw DynamoException.validation(
                    "An expression attribute name used in the document path is not defined; attribute name: "
                            + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    AttributeValue value(String placeholder) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw DynamoException.validation(
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /** Rejects names and values that no expression of the request used. */
    public void checkAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation(
                    "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                            + String.join(", ", unusedValues) + "}");
        }
    }
}
