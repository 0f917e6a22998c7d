package io.shardline.items.expr;

import io.shardline.items.AttributeValue;

/** Something an expression evaluates to a value: a path, a value placeholder, or a function of them. */
public sealed interface Operand {

    record PathOperand(Path path) implements Operand {}

    record Value(String placeholder, AttributeValue value) implements Operand {}

    /** {@code size(path)}: length of a string or binary, element count of a set, list or map. */
    record Size(Path path) implements Operand {}

    /** {@code if_not_exists(path, operand)}: the path's value, or the operand where the path is absent. */
    record IfNotExists(Path path, Operand fallback) implements Operand {}

    /** {@code list_append(a, b)}: the elements of list a, then those of list b. */
    record ListAppend(Operand first, Operand second) implements Operand {}

    /** {@code a + b} or {@code a - b} on numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {}
}
