package io.shardline.engine.item;

import io.shardline.engine.api.ExpectedAttributeValue;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.DynamoException;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.ConditionEvaluator;
import io.shardline.items.expr.ExpressionAttributes;
import io.shardline.items.expr.ExpressionKind;
import io.shardline.items.expr.ExpressionParser;
import io.shardline.items.expr.Path;
import io.shardline.items.expr.UpdateAction;
import java.util.List;
import java.util.Map;

/**
 * The expressions of one request, parsed against the request's placeholder maps. Call {@link #done}
 * after parsing them all: placeholders no expression used are an error, as in DynamoDB.
 */
final class RequestExpressions {
    private final ExpressionAttributes attributes;

    RequestExpressions(Map<String, String> names, Map<String, AttributeValue> values) {
        this.attributes = new ExpressionAttributes(names, values);
    }

    /** A condition of the given kind, or null when the request has none. */
    BooleanExpression condition(ExpressionKind kind, String text) {
        return text == null ? null : ExpressionParser.condition(kind, text, attributes);
    }

    /** A write's condition: its condition expression, or the legacy Expected joined by ConditionalOperator. */
    BooleanExpression writeCondition(
            String conditionExpression, Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
        return conditionExpression != null
                ? condition(ExpressionKind.CONDITION, conditionExpression)
                : LegacyConditions.expected(expected, conditionalOperator);
    }

    List<UpdateAction> update(String text) {
        return ExpressionParser.update(text, attributes);
    }

    /** The paths of a projection expression, or null when the request has none. */
    List<Path> projection(String text) {
        return text == null ? null : ExpressionParser.projection(text, attributes);
    }

    void done() {
        attributes.checkAllUsed();
    }

    /** Whether ReturnValuesOnConditionCheckFailure asks for the item; rejects values other than NONE and ALL_OLD. */
    static boolean returnOldOnFailure(String setting) {
        if (setting == null || setting.equals("NONE")) {
            return false;
        }
        if (setting.equals("ALL_OLD")) {
            return true;
        }
        throw DynamoException.validation("1 validation error detected: Value '" + setting + "' at "
                + "'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value "
                + "set: [ALL_OLD, NONE]");
    }

    /** Fails with ConditionalCheckFailedException unless the condition (if any) holds for the current item. */
    static void require(BooleanExpression condition, Map<String, AttributeValue> current, boolean returnOld) {
        if (condition != null && !ConditionEvaluator.matches(condition, current)) {
            throw new ConditionalCheckFailedException(returnOld ? current : null);
        }
    }
}
