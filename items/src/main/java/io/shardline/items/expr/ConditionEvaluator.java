package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoNumber;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates a parsed condition against an item (an absent item is an empty one). A path that is
 * absent makes comparisons false, except {@code <>}, which is true against a present value; values
 * of different types are never equal and never ordered.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    public static boolean matches(BooleanExpression expression, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> subject = item == null ? Map.of() : item;
        return evaluate(expression, subject);
    }

    private static boolean evaluate(BooleanExpression expression, Map<String, AttributeValue> item) {
        if (expression instanceof BooleanExpression.And and) {
            return evaluate(and.left(), item) && evaluate(and.right(), item);
        }
        if (expression instanceof BooleanExpression.Or or) {
            return evaluate(or.left(), item) || evaluate(or.right(), item);
        }
        if (expression instanceof BooleanExpression.Not not) {
            return !evaluate(not.operand(), item);
        }
        if (expression instanceof BooleanExpression.Comparison c) {
            return compare(value(c.left(), item), c.comparator(), value(c.right(), item));
        }
        if (expression instanceof BooleanExpression.Between b) {
            AttributeValue v = value(b.value(), item);
            return compare(v, BooleanExpression.Comparator.GE, value(b.lower(), item))
                    && compare(v, BooleanExpression.Comparator.LE, value(b.upper(), item));
        }
        if (expression instanceof BooleanExpression.In in) {
            AttributeValue v = value(in.value(), item);
            return v != null && in.candidates().stream().anyMatch(c -> v.equals(value(c, item)));
        }
        return function((BooleanExpression.Function) expression, item);
    }

    private static boolean function(BooleanExpression.Function f, Map<String, AttributeValue> item) {
        AttributeValue subject = value(f.arguments().get(0), item);
        switch (f.name()) {
            case "attribute_exists":
                return subject != null;
            case "attribute_not_exists":
                return subject == null;
            default:
                break;
        }
        AttributeValue argument = value(f.arguments().get(1), item);
        if (subject == null || argument == null) {
            return false;
        }
        switch (f.name()) {
            case "attribute_type":
                return argument instanceof AttributeValue.S s && subject.type().equals(s.value());
            case "begins_with":
                return beginsWith(subject, argument);
            default:
                return contains(subject, argument);
        }
    }

    private static boolean beginsWith(AttributeValue subject, AttributeValue prefix) {
        if (subject instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (subject instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            byte[] whole = b.value().toArray();
            byte[] start = p.value().toArray();
            return whole.length >= start.length && Arrays.equals(whole, 0, start.length, start, 0, start.length);
        }
        return false;
    }

    private static boolean contains(AttributeValue subject, AttributeValue element) {
        if (subject instanceof AttributeValue.S s && element instanceof AttributeValue.S e) {
            return s.value().contains(e.value());
        }
        if (subject instanceof AttributeValue.B b && element instanceof AttributeValue.B e) {
            return indexOf(b.value().toArray(), e.value().toArray()) >= 0;
        }
        if (subject instanceof AttributeValue.SS ss && element instanceof AttributeValue.S e) {
            return ss.value().contains(e.value());
        }
        if (subject instanceof AttributeValue.NS ns && element instanceof AttributeValue.N e) {
            return ns.value().contains(e.value());
        }
        if (subject instanceof AttributeValue.BS bs && element instanceof AttributeValue.B e) {
            return bs.value().contains(e.value());
        }
        return subject instanceof AttributeValue.L l && l.value().contains(element);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean compare(AttributeValue left, BooleanExpression.Comparator comparator, AttributeValue right) {
        if (left == null || right == null) {
            return comparator == BooleanExpression.Comparator.NE && (left != null || right != null);
        }
        switch (comparator) {
            case EQ:
                return left.equals(right);
            case NE:
                return !left.equals(right);
            default:
                break;
        }
        if (!Values.comparable(left, right)) {
            return false;
        }
        int order = Values.compare(left, right);
        return switch (comparator) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            default -> order >= 0;
        };
    }

    /** The value of a condition operand, or null when absent. */
    static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        }
        if (operand instanceof Operand.PathOperand p) {
            return DocumentPaths.get(item, p.path());
        }
        Operand.Size size = (Operand.Size) operand;
        AttributeValue target = DocumentPaths.get(item, size.path());
        Long length = target == null ? null : Values.size(target);
        return length == null ? null : new AttributeValue.N(DynamoNumber.of(length));
    }
}
