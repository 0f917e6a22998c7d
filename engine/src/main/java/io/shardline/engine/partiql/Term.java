package io.shardline.engine.partiql;

import io.shardline.items.AttributeValue;
import java.util.List;

/** What a PartiQL condition or assignment compares or assigns. */
sealed interface Term {

    /** An attribute path: a name, then names (String) and list indexes (Integer). */
    record PathTerm(List<Object> elements) implements Term {
        String attribute() {
            return (String) elements.get(0);
        }

        boolean isTopLevel() {
            return elements.size() == 1;
        }
    }

    record Literal(AttributeValue value) implements Term {}

    /** A function of terms: size(path) as an operand, list_append and if_not_exists in assignments. */
    record Call(String function, List<Term> arguments) implements Term {}

    /** {@code a + b} or {@code a - b}. */
    record Arithmetic(Term left, boolean plus, Term right) implements Term {}
}
