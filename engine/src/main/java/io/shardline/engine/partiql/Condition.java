package io.shardline.engine.partiql;

import java.util.List;

/** A parsed WHERE clause. */
sealed interface Condition {

    /** {@code =, <>, <, <=, >, >=}. */
    record Comparison(Term left, String operator, Term right) implements Condition {}

    record Between(Term value, Term lower, Term upper) implements Condition {}

    record In(Term value, List<Term> candidates) implements Condition {}

    /** {@code path IS MISSING}, or {@code IS NOT MISSING} when {@code negated}. */
    record Missing(Term.PathTerm path, boolean negated) implements Condition {}

    /** begins_with, contains or attribute_type. */
    record Function(String name, List<Term> arguments) implements Condition {}

    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition operand) implements Condition {}
}
