package io.shardline.items.expr;

import java.util.List;

/**
 * A document path: a top-level attribute name followed by map keys (String) and list indexes
 * (Integer), with placeholders already resolved.
 */
public record Path(List<Object> elements) {

    public Path {
        elements = List.copyOf(elements);
    }

    public static Path of(String attribute) {
        return new Path(List.of(attribute));
    }

    public String attribute() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** Whether one path equals the other or leads into it. */
    public boolean overlaps(Path other) {
        int common = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
