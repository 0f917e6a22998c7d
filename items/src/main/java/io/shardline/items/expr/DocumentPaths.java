package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and rewrites values at document paths inside an item; items stay immutable. */
final class DocumentPaths {
    private DocumentPaths() {}

    /** The value at a path, or null where any step is missing or of the wrong type. */
    static AttributeValue get(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.attribute());
        for (Object step : path.elements().subList(1, path.elements().size())) {
            if (current == null) {
                return null;
            }
            current = child(current, step);
        }
        return current;
    }

    private static AttributeValue child(AttributeValue parent, Object step) {
        if (step instanceof String key && parent instanceof AttributeValue.M m) {
            return m.value().get(key);
        }
        if (step instanceof Integer index && parent instanceof AttributeValue.L l) {
            return index < l.value().size() ? l.value().get(index) : null;
        }
        return null;
    }

    /**
     * The item with {@code value} at the path. Every step before the last must exist with the right
     * type; a list index past the end appends.
     */
    static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            copy.put(path.attribute(), value);
            return copy;
        }
        AttributeValue top = item.get(path.attribute());
        if (top == null) {
            throw invalidForUpdate();
        }
        copy.put(path.attribute(), setIn(top, path.elements(), 1, value));
        return copy;
    }

    private static AttributeValue setIn(AttributeValue parent, List<Object> steps, int at, AttributeValue value) {
        Object step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (step instanceof String key && parent instanceof AttributeValue.M m) {
            Map<String, AttributeValue> entries = new LinkedHashMap<>(m.value());
            AttributeValue existing = entries.get(key);
            if (!last && existing == null) {
                throw invalidForUpdate();
            }
            entries.put(key, last ? value : setIn(existing, steps, at + 1, value));
            return new AttributeValue.M(entries);
        }
        if (step instanceof Integer index && parent instanceof AttributeValue.L l) {
            List<AttributeValue> elements = new ArrayList<>(l.value());
            if (index >= elements.size()) {
                if (!last) {
                    throw invalidForUpdate();
                }
                elements.add(value);
            } else {
                elements.set(index, last ? value : setIn(elements.get(index), steps, at + 1, value));
            }
            return new AttributeValue.L(elements);
        }
        throw invalidForUpdate();
    }

    /** The item without the value at the path; a missing last step changes nothing. */
    static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            copy.remove(path.attribute());
            return copy;
        }
        AttributeValue top = item.get(path.attribute());
        if (top == null) {
            throw invalidForUpdate();
        }
        copy.put(path.attribute(), removeIn(top, path.elements(), 1));
        return copy;
    }

    private static AttributeValue removeIn(AttributeValue parent, List<Object> steps, int at) {
        Object step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (step instanceof String key && parent instanceof AttributeValue.M m) {
            Map<String, AttributeValue> entries = new LinkedHashMap<>(m.value());
            AttributeValue existing = entries.get(key);
            if (last) {
                entries.remove(key);
            } else if (existing == null) {
                throw invalidForUpdate();
            } else {
                entries.put(key, removeIn(existing, steps, at + 1));
            }
            return new AttributeValue.M(entries);
        }
        if (step instanceof Integer index && parent instanceof AttributeValue.L l) {
            List<AttributeValue> elements = new ArrayList<>(l.value());
            if (index < elements.size()) {
                if (last) {
                    elements.remove((int) index);
                } else {
                    elements.set(index, removeIn(elements.get(index), steps, at + 1));
                }
            } else if (!last) {
                throw invalidForUpdate();
            }
            return new AttributeValue.L(elements);
        }
        throw invalidForUpdate();
    }

    private static DynamoException invalidForUpdate() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }
}
