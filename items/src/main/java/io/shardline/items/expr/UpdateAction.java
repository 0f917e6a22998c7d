package io.shardline.items.expr;

/** One action of an update expression. */
public sealed interface UpdateAction {

    Path path();

    record Set(Path path, Operand value) implements UpdateAction {}

    record Remove(Path path) implements UpdateAction {}

    record Add(Path path, Operand.Value value) implements UpdateAction {}

    record Delete(Path path, Operand.Value value) implements UpdateAction {}
}
