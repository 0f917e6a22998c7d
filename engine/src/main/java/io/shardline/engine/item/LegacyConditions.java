package io.shardline.engine.item;

import io.shardline.engine.api.Condition;
import io.shardline.engine.api.ExpectedAttributeValue;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.BooleanExpression.Comparator;
import io.shardline.items.expr.ConditionEvaluator;
import io.shardline.items.expr.Operand;
import io.shardline.items.expr.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy conditions ({@code Expected}, {@code QueryFilter}, {@code ScanFilter}, joined by
 * {@code ConditionalOperator}) translated into the expression model, so that they are evaluated by the
 * same evaluator as condition and filter expressions; checked with DynamoDB's messages first.
 */
final class LegacyConditions {
    private static final List<String> OPERATORS = List.of(
            "IN",
            "NULL",
            "BETWEEN",
            "LT",
            "NOT_CONTAINS",
            "EQ",
            "GT",
            "NOT_NULL",
            "NE",
            "LE",
            "BEGINS_WITH",
            "GE",
            "CONTAINS");
    private static final Set<String> SCALARS = Set.of("S", "N", "B");

    private LegacyConditions() {}

    /** The condition of a write's {@code Expected}, or null when it has none. */
    static BooleanExpression expected(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
        checkJoin(expected, conditionalOperator);
        if (expected == null || expected.isEmpty()) {
            return null;
        }
        List<BooleanExpression> conditions = new ArrayList<>();
        for (Map.Entry<String, ExpectedAttributeValue> entry : expected.entrySet()) {
            conditions.add(expectation(entry.getKey(), entry.getValue()));
        }
        return join(conditions, conditionalOperator);
    }

    /**
     * The filter of a read's {@code QueryFilter} or {@code ScanFilter} (named by {@code parameter}), or
     * null when it has none.
     */
    static BooleanExpression filter(String parameter, Map<String, Condition> filter, String conditionalOperator) {
        checkJoin(filter, conditionalOperator);
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        String member = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
        List<BooleanExpression> conditions = new ArrayList<>();
        for (Map.Entry<String, Condition> entry : filter.entrySet()) {
            Condition condition = entry.getValue();
            String operator = operator(condition.comparisonOperator(), member + "." + entry.getKey());
            List<AttributeValue> values =
                    condition.attributeValueList() == null ? List.of() : condition.attributeValueList();
            conditions.add(comparison(entry.getKey(), operator, values));
        }
        return join(conditions, conditionalOperator);
    }

    private static void checkJoin(Map<String, ?> conditions, String conditionalOperator) {
        if (conditionalOperator == null) {
            return;
        }
        if (!conditionalOperator.equals("AND") && !conditionalOperator.equals("OR")) {
            throw DynamoException.validation("1 validation error detected: Value '" + conditionalOperator
                    + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[OR, AND]");
        }
        if (conditions == null || conditions.size() < 2) {
            throw DynamoException.validation(
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
    }

    private static BooleanExpression expectation(String attribute, ExpectedAttributeValue expected) {
        if (expected.attributeValueList() != null && expected.value() != null) {
            throw DynamoException.invalidParameter(
                    "Value and AttributeValueList cannot be used together for Attribute: " + attribute);
        }
        if (expected.comparisonOperator() != null) {
            if (expected.exists() != null) {
                throw DynamoException.invalidParameter(
                        "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
            }
            String operator = operator(expected.comparisonOperator(), "expected." + attribute);
            if (!operator.equals("NULL")
                    && !operator.equals("NOT_NULL")
                    && expected.attributeValueList() == null
                    && expected.value() == null) {
                throw DynamoException.invalidParameter(
                        "Value or AttributeValueList must be used with ComparisonOperator: " + operator
                                + " for Attribute: " + attribute);
            }
            List<AttributeValue> values = expected.value() != null
                    ? List.of(expected.value())
                    : expected.attributeValueList() == null ? List.of() : expected.attributeValueList();
            return comparison(attribute, operator, values);
        }
        if (expected.attributeValueList() != null) {
            throw DynamoException.invalidParameter(
                    "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        boolean exists = expected.exists() == null || expected.exists();
        if (exists && expected.value() == null) {
            throw DynamoException.invalidParameter(
                    "Value must be provided when Exists is " + expected.exists() + " for Attribute: " + attribute);
        }
        if (!exists && expected.value() != null) {
            throw DynamoException.invalidParameter(
                    "Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        return exists
                ? comparison(attribute, "EQ", List.of(expected.value()))
                : comparison(attribute, "NULL", List.of());
    }

    private static String operator(String operator, String member) {
        if (!OPERATORS.contains(operator)) {
            throw DynamoException.validation("1 validation error detected: Value '" + operator + "' at '" + member
                    + ".member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + OPERATORS);
        }
        return operator;
    }

    /** One attribute's comparison, its operands checked as DynamoDB checks them. */
    private static BooleanExpression comparison(String attribute, String operator, List<AttributeValue> values) {
        int arity = switch (operator) {
            case "NULL", "NOT_NULL" -> 0;
            case "BETWEEN" -> 2;
            case "IN" -> Math.max(1, values.size());
            default -> 1;
        };
        if (values.size() != arity) {
            throw DynamoException.invalidParameter(
                    "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
        for (AttributeValue value : values) {
            if (!value.type().equals(values.get(0).type())) {
                throw DynamoException.invalidParameter(
                        "AttributeValues inside AttributeValueList must be of same type");
            }
            if (!operator.equals("EQ") && !operator.equals("NE") && !SCALARS.contains(value.type())
                    || operator.equals("BEGINS_WITH") && value.type().equals("N")) {
                throw DynamoException.invalidParameter("ComparisonOperator " + operator + " is not valid for "
                        + value.type() + " AttributeValue type");
            }
        }
        Operand subject = new Operand.PathOperand(Path.of(attribute));
        List<Operand> operands = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            operands.add(new Operand.Value("AttributeValueList." + attribute + "." + i, values.get(i)));
        }
        return switch (operator) {
            case "NULL" -> function("attribute_not_exists", subject);
            case "NOT_NULL" -> function("attribute_exists", subject);
            case "CONTAINS" -> function("contains", subject, operands.get(0));
            case "NOT_CONTAINS" -> new BooleanExpression.Not(function("contains", subject, operands.get(0)));
            case "BEGINS_WITH" -> function("begins_with", subject, operands.get(0));
            case "IN" -> new BooleanExpression.In(subject, operands);
            case "BETWEEN" -> between(subject, operands.get(0), operands.get(1));
            default -> new BooleanExpression.Comparison(subject, Comparator.valueOf(operator), operands.get(0));
        };
    }

    private static BooleanExpression between(Operand subject, Operand lower, Operand upper) {
        if (ConditionEvaluator.matches(new BooleanExpression.Comparison(lower, Comparator.GT, upper), null)) {
            throw DynamoException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
        return new BooleanExpression.Between(subject, lower, upper);
    }

    private static BooleanExpression function(String name, Operand... arguments) {
        return new BooleanExpression.Function(name, List.of(arguments));
    }

    private static BooleanExpression join(List<BooleanExpression> conditions, String conditionalOperator) {
        boolean any = "OR".equals(conditionalOperator);
        BooleanExpression joined = conditions.get(0);
        for (BooleanExpression next : conditions.subList(1, conditions.size())) {
            joined = any ? new BooleanExpression.Or(joined, next) : new BooleanExpression.And(joined, next);
        }
        return joined;
    }
}
