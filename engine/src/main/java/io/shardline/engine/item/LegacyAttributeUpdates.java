package io.shardline.engine.item;

import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.Operand;
import io.shardline.items.expr.Path;
import io.shardline.items.expr.UpdateAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UpdateItem's legacy {@code AttributeUpdates}, expressed as update actions: PUT sets an attribute,
 * ADD adds to a number or unions a set (a missing attribute counts as zero or the empty set), DELETE
 * removes an attribute or, given a set, removes those elements (an emptied set disappears).
 */
final class LegacyAttributeUpdates {
    private LegacyAttributeUpdates() {}

    /** The update actions of legacy AttributeUpdates, checked as DynamoDB checks them. */
    static List<UpdateAction> toActions(Map<String, AttributeValueUpdate> updates, KeySchema schema) {
        List<UpdateAction> actions = new ArrayList<>();
        for (Map.Entry<String, AttributeValueUpdate> entry : updates.entrySet()) {
            String name = entry.getKey();
            if (schema.isKeyAttribute(name)) {
                throw DynamoException.invalidParameter(
                        "Cannot update attribute " + name + ". This attribute is part of the key");
            }
            String action = action(entry.getValue());
            AttributeValue value = entry.getValue().value();
            Path path = Path.of(name);
            if (!action.equals("DELETE") && value == null) {
                throw DynamoException.invalidParameter(
                        "Only DELETE action is allowed when no attribute value is specified");
            }
            Operand.Value operand = value == null ? null : new Operand.Value("AttributeUpdates." + name, value);
            switch (action) {
                case "PUT" -> actions.add(new UpdateAction.Set(path, operand));
                case "ADD" -> {
                    if (!(value instanceof AttributeValue.N) && !isSet(value)) {
                        throw DynamoException.invalidParameter(
                                "ADD action is not supported for the type " + value.type());
                    }
                    actions.add(new UpdateAction.Add(path, operand));
                }
                default -> {
                    if (value != null && !isSet(value)) {
                        throw DynamoException.invalidParameter(
                                "DELETE action with value is not supported for the type " + value.type());
                    }
                    actions.add(value == null ? new UpdateAction.Remove(path) : new UpdateAction.Delete(path, operand));
                }
            }
        }
        return actions;
    }

    private static String action(AttributeValueUpdate update) {
        String action = update.action() == null ? "PUT" : update.action();
        if (!action.equals("PUT") && !action.equals("ADD") && !action.equals("DELETE")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '" + action + "' at "
                            + "'attributeUpdates' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
        return action;
    }

    private static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS
                || value instanceof AttributeValue.NS
                || value instanceof AttributeValue.BS;
    }
}
