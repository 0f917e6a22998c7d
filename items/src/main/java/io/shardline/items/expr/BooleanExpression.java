package io.shardline.items.expr;

import java.util.List;

/** A condition, key condition or filter expression, parsed. */
public sealed interface BooleanExpression {

    /** {@code a = b}, {@code a <> b}, {@code a < b}, {@code a <= b}, {@code a > b}, {@code a >= b}. */
    record Comparison(Operand left, Comparator comparator, Operand right) implements BooleanExpression {}

    record Between(Operand value, Operand lower, Operand upper) implements BooleanExpression {}

    record In(Operand value, List<Operand> candidates) implements BooleanExpression {}

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with or contains. */
    record Function(String name, List<Operand> arguments) implements BooleanExpression {}

    record And(BooleanExpression left, BooleanExpression right) implements BooleanExpression {}

    record Or(BooleanExpression left, BooleanExpression right) implements BooleanExpression {}

    record Not(BooleanExpression operand) implements BooleanExpression {}

    enum Comparator {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }
}
