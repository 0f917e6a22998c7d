package io.shardline.engine.partiql;

import io.shardline.items.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes parsed PartiQL terms and conditions as DynamoDB expression text, every name a {@code #p}
 * placeholder and every value a {@code :v} placeholder, so that the statement runs through the same
 * expression parser and evaluator as any other request.
 */
final class ExpressionText {
    private final Map<String, String> placeholderOfName = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    String path(Term.PathTerm path) {
        StringBuilder text = new StringBuilder();
        for (Object element : path.elements()) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(placeholderOfName.computeIfAbsent((String) element, n -> "#p" + placeholderOfName.size()));
            }
        }
        return text.toString();
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    String term(Term term) {
        if (term instanceof Term.PathTerm path) {
            return path(path);
        }
        if (term instanceof Term.Literal literal) {
            return value(literal.value());
        }
        if (term instanceof Term.Arithmetic arithmetic) {
            return term(arithmetic.left()) + (arithmetic.plus() ? " + " : " - ") + term(arithmetic.right());
        }
        Term.Call call = (Term.Call) term;
        return call.function() + "(" + terms(call.arguments()) + ")";
    }

    String condition(Condition condition) {
        if (condition instanceof Condition.And and) {
            return "(" + condition(and.left()) + ") AND (" + condition(and.right()) + ")";
        }
        if (condition instanceof Condition.Or or) {
            return "(" + condition(or.left()) + ") OR (" + condition(or.right()) + ")";
        }
        if (condition instanceof Condition.Not not) {
            return "NOT (" + condition(not.operand()) + ")";
        }
        if (condition instanceof Condition.Comparison comparison) {
            return term(comparison.left()) + " " + comparison.operator() + " " + term(comparison.right());
        }
        if (condition instanceof Condition.Between between) {
            return term(between.value()) + " BETWEEN " + term(between.lower()) + " AND " + term(between.upper());
        }
        if (condition instanceof Condition.In in) {
            return term(in.value()) + " IN (" + terms(in.candidates()) + ")";
        }
        if (condition instanceof Condition.Missing missing) {
            return (missing.negated() ? "attribute_exists(" : "attribute_not_exists(") + path(missing.path()) + ")";
        }
        Condition.Function function = (Condition.Function) condition;
        return function.name() + "(" + terms(function.arguments()) + ")";
    }

    /** The conditions joined by AND, or null when there are none. */
    String all(List<Condition> conditions) {
        return conditions.isEmpty()
                ? null
                : conditions.stream().map(c -> "(" + condition(c) + ")").collect(Collectors.joining(" AND "));
    }

    private String terms(List<Term> terms) {
        return terms.stream().map(this::term).collect(Collectors.joining(", "));
    }

    /** The name placeholders used, or null when none was. */
    Map<String, String> names() {
        if (placeholderOfName.isEmpty()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        placeholderOfName.forEach((name, placeholder) -> names.put(placeholder, name));
        return names;
    }

    /** The value placeholders used, or null when none was. */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
