package io.shardline.engine.item;

import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.UpdateAction;
import io.shardline.items.expr.UpdateEvaluator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What UpdateItem does to an item, from an UpdateExpression or legacy AttributeUpdates: the new
 * item given the current one (null when absent), and the top-level attributes it touches (for
 * ReturnValues UPDATED_OLD and UPDATED_NEW).
 */
final class ItemUpdate {
    private final BiFunction<Map<String, AttributeValue>, Map<String, AttributeValue>, Map<String, AttributeValue>>
            change;
    private final Set<String> attributes;

    private ItemUpdate(
            BiFunction<Map<String, AttributeValue>, Map<String, AttributeValue>, Map<String, AttributeValue>> change,
            Set<String> attributes) {
        this.change = change;
        this.attributes = attributes;
    }

    static ItemUpdate of(List<UpdateAction> actions, KeySchema schema) {
        Set<String> touched = new LinkedHashSet<>();
        for (UpdateAction action : actions) {
            String attribute = action.path().attribute();
            if (schema.isKeyAttribute(attribute)) {
                throw DynamoException.invalidParameter(
                        "Cannot update attribute " + attribute + ". This attribute is part of the key");
            }
            touched.add(attribute);
        }
        return new ItemUpdate(
                (current, key) -> UpdateEvaluator.apply(actions, current == null ? key : current), touched);
    }

    static ItemUpdate legacy(Map<String, AttributeValueUpdate> updates, KeySchema schema) {
        return of(LegacyAttributeUpdates.toActions(updates, schema), schema);
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> current, Map<String, AttributeValue> key) {
        return change.apply(current, key);
    }

    Set<String> attributes() {
        return attributes;
    }
}
