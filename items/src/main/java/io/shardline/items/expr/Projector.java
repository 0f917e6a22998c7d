package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a projection: the result holds each requested path that exists, nested as in the item;
 * list elements picked by index keep their relative order.
 */
public final class Projector {
    private Projector() {}

    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Path path : paths) {
            AttributeValue value = DocumentPaths.get(item, path);
            if (value != null) {
                insert(root, path.elements(), 0, value);
            }
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        root.forEach((name, node) -> projected.put(name, build(node)));
        return projected;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Object node, List<Object> steps, int at, AttributeValue value) {
        Object step = steps.get(at);
        boolean last = at == steps.size() - 1;
        Map<Object, Object> children = (Map<Object, Object>) node;
        if (last) {
            children.put(step, value);
            return;
        }
        Object next = steps.get(at + 1);
        Object child = children.computeIfAbsent(
                step,
                k -> next instanceof Integer ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>());
        insert(child, steps, at + 1, value);
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue build(Object node) {
        if (node instanceof AttributeValue value) {
            return value;
        }
        if (node instanceof TreeMap<?, ?> indexed) {
            List<AttributeValue> elements = new ArrayList<>();
            indexed.values().forEach(child -> elements.add(build(child)));
            return new AttributeValue.L(elements);
        }
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((key, child) -> entries.put(key, build(child)));
        return new AttributeValue.M(entries);
    }
}
