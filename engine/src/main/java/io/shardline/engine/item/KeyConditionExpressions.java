package io.shardline.engine.item;

import io.shardline.engine.api.Condition;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.Operand;
import io.shardline.items.expr.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed KeyConditionExpression into the equivalent key conditions: equality on the partition
 * key, and optionally one of =, <, <=, >, >=, BETWEEN or begins_with on the sort key, joined by AND.
 */
final class KeyConditionExpressions {
    private KeyConditionExpressions() {}

    static Map<String, Condition> toConditions(BooleanExpression expression, KeySchema schema) {
        List<BooleanExpression> parts = new ArrayList<>();
        if (expression instanceof BooleanExpression.And and) {
            parts.add(and.left());
            parts.add(and.right());
        } else {
            parts.add(expression);
        }
        Map<String, Condition> conditions = new LinkedHashMap<>();
        for (BooleanExpression part : parts) {
            String attribute;
            Condition condition;
            if (part instanceof BooleanExpression.Comparison c && c.comparator() != BooleanExpression.Comparator.NE) {
                attribute = keyAttribute(c.left(), schema);
                condition = new Condition(List.of(value(c.right())), legacyName(c.comparator()));
            } else if (part instanceof BooleanExpression.Between b) {
                attribute = keyAttribute(b.value(), schema);
                condition = new Condition(List.of(value(b.lower()), value(b.upper())), "BETWEEN");
            } else if (part instanceof BooleanExpression.Function f && f.name().equals("begins_with")) {
                attribute = keyAttribute(f.arguments().get(0), schema);
                condition = new Condition(List.of(value(f.arguments().get(1))), "BEGINS_WITH");
            } else {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: only =, <, <=, >, "
                        + ">=, BETWEEN and begins_with joined by one AND are allowed");
            }
            if (conditions.put(attribute, condition) != null) {
                throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        return conditions;
    }

    private static String keyAttribute(Operand operand, KeySchema schema) {
        if (!(operand instanceof Operand.PathOperand p) || !p.path().isTopLevel()) {
            throw DynamoException.validation(
                    "Invalid KeyConditionExpression: the left side of each condition must " + "name a key attribute");
        }
        Path path = p.path();
        if (!schema.isKeyAttribute(path.attribute())) {
            throw DynamoException.validation("Query condition missed key schema element: " + schema.partitionKey()
                    + "; " + path.attribute() + " is not a key attribute");
        }
        return path.attribute();
    }

    private static AttributeValue value(Operand operand) {
        if (!(operand instanceof Operand.Value v)) {
            throw DynamoException.validation("Invalid KeyConditionExpression: key conditions compare a key with "
                    + "expression attribute values");
        }
        return v.value();
    }

    private static String legacyName(BooleanExpression.Comparator comparator) {
        return comparator.name();
    }
}
