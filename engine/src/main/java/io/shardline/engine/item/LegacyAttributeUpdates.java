package io.shardline.engine.item;

import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.Bytes;
import io.shardline.engine.model.DynamoException;
import io.shardline.engine.model.DynamoNumber;
import io.shardline.engine.model.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem's legacy {@code AttributeUpdates}: PUT replaces an attribute, ADD adds to a number or
 * unions a set (a missing attribute counts as zero or the empty set), DELETE removes an attribute or,
 * given a set, removes those elements (an emptied set disappears).
 */
final class LegacyAttributeUpdates {
    private LegacyAttributeUpdates() {
    }

    /** Checks the updates before any item is read: key attributes untouched, actions known, values present. */
    static void check(Map<String, AttributeValueUpdate> updates, KeySchema schema) {
        for (Map.Entry<String, AttributeValueUpdate> entry : updates.entrySet()) {
            String name = entry.getKey();
            if (schema.isKeyAttribute(name)) {
                throw DynamoException.invalidParameter(
                        "Cannot update attribute " + name + ". This attribute is part of the key");
            }
            String action = action(entry.getValue());
            AttributeValue value = entry.getValue().value();
            if (!action.equals("DELETE") && value == null) {
                throw DynamoException.invalidParameter(
                        "Only DELETE action is allowed when no attribute value is specified");
            }
            if (action.equals("DELETE") && value != null && !isSet(value)) {
                throw DynamoException.invalidParameter(
                        "DELETE action with value is not supported for the type " + value.type());
            }
            if (action.equals("ADD") && !(value instanceof AttributeValue.N) && !isSet(value)
                    && !(value instanceof AttributeValue.L)) {
                throw DynamoException.invalidParameter("ADD action is not supported for the type " + value.type());
            }
        }
    }

    /** The item after applying the updates to {@code current} (null when the item does not exist yet). */
    static Map<String, AttributeValue> apply(Map<String, AttributeValue> current, Map<String, AttributeValue> key,
                                             Map<String, AttributeValueUpdate> updates) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(current == null ? key : current);
        for (Map.Entry<String, AttributeValueUpdate> entry : updates.entrySet()) {
            String name = entry.getKey();
            AttributeValue value = entry.getValue().value();
            AttributeValue existing = item.get(name);
            switch (action(entry.getValue())) {
                case "PUT" -> item.put(name, value);
                case "ADD" -> item.put(name, existing == null ? value : add(name, existing, value));
                default -> {
                    if (value == null || existing == null) {
                        item.remove(name);
                    } else {
                        AttributeValue remaining = removeElements(name, existing, value);
                        if (remaining == null) {
                            item.remove(name);
                        } else {
                            item.put(name, remaining);
                        }
                    }
                }
            }
        }
        return item;
    }

    private static String action(AttributeValueUpdate update) {
        String action = update.action() == null ? "PUT" : update.action();
        if (!action.equals("PUT") && !action.equals("ADD") && !action.equals("DELETE")) {
            throw DynamoException.validation("1 validation error detected: Value '" + action + "' at "
                    + "'attributeUpdates' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
        return action;
    }

    private static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS;
    }

    private static AttributeValue add(String name, AttributeValue existing, AttributeValue delta) {
        if (!existing.type().equals(delta.type())) {
            throw typeMismatch(name, "ADD", existing, delta);
        }
        if (existing instanceof AttributeValue.N n) {
            return new AttributeValue.N(n.value().add(((AttributeValue.N) delta).value()));
        }
        if (existing instanceof AttributeValue.L l) {
            List<AttributeValue> joined = new ArrayList<>(l.value());
            joined.addAll(((AttributeValue.L) delta).value());
            return new AttributeValue.L(joined);
        }
        if (existing instanceof AttributeValue.SS ss) {
            return new AttributeValue.SS(union(ss.value(), ((AttributeValue.SS) delta).value()));
        }
        if (existing instanceof AttributeValue.NS ns) {
            return new AttributeValue.NS(union(ns.value(), ((AttributeValue.NS) delta).value()));
        }
        return new AttributeValue.BS(union(((AttributeValue.BS) existing).value(), ((AttributeValue.BS) delta).value()));
    }

    /** The set without the given elements, or null when nothing remains. */
    private static AttributeValue removeElements(String name, AttributeValue existing, AttributeValue toRemove) {
        if (!existing.type().equals(toRemove.type())) {
            throw typeMismatch(name, "DELETE", existing, toRemove);
        }
        if (existing instanceof AttributeValue.SS ss) {
            Set<String> rest = minus(ss.value(), ((AttributeValue.SS) toRemove).value());
            return rest.isEmpty() ? null : new AttributeValue.SS(rest);
        }
        if (existing instanceof AttributeValue.NS ns) {
            Set<DynamoNumber> rest = minus(ns.value(), ((AttributeValue.NS) toRemove).value());
            return rest.isEmpty() ? null : new AttributeValue.NS(rest);
        }
        Set<Bytes> rest = minus(((AttributeValue.BS) existing).value(), ((AttributeValue.BS) toRemove).value());
        return rest.isEmpty() ? null : new AttributeValue.BS(rest);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static DynamoException typeMismatch(String name, String action, AttributeValue existing, AttributeValue given) {
        return DynamoException.validation("Type mismatch for attribute to update: " + action + " of " + name
                + " with a value of type " + given.type() + " on an attribute of type " + existing.type());
    }
}
