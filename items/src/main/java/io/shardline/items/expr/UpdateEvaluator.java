package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import io.shardline.items.DynamoException;
import io.shardline.items.DynamoNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an update expression's actions to an item. Every value is computed from the item as it was
 * before the update (so {@code SET a = b, b = a} swaps), then SETs, REMOVEs (higher list indexes
 * first), ADDs and DELETEs are applied.
 */
public final class UpdateEvaluator {
    private UpdateEvaluator() {}

    public static Map<String, AttributeValue> apply(List<UpdateAction> actions, Map<String, AttributeValue> before) {
        Map<String, AttributeValue> original = before;
        List<UpdateAction.Set> sets = new ArrayList<>();
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                sets.add(set);
                setValues.add(setValue(set.value(), original));
            }
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(original);
        for (int i = 0; i < sets.size(); i++) {
            item = DocumentPaths.set(item, sets.get(i).path(), setValues.get(i));
        }
        List<UpdateAction.Remove> removes = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Remove remove) {
                removes.add(remove);
            }
        }
        removes.sort(Comparator.comparing((UpdateAction.Remove r) -> lastIndex(r.path()))
                .reversed());
        for (UpdateAction.Remove remove : removes) {
            item = DocumentPaths.remove(item, remove.path());
        }
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Add add) {
                AttributeValue existing = DocumentPaths.get(item, add.path());
                item = DocumentPaths.set(
                        item,
                        add.path(),
                        existing == null
                                ? add.value().value()
                                : add(existing, add.value().value()));
            } else if (action instanceof UpdateAction.Delete delete) {
                AttributeValue existing = DocumentPaths.get(item, delete.path());
                if (existing != null) {
                    AttributeValue rest = minus(existing, delete.value().value());
                    item = rest == null
                            ? DocumentPaths.remove(item, delete.path())
                            : DocumentPaths.set(item, delete.path(), rest);
                }
            }
        }
        return item;
    }

    private static int lastIndex(Path path) {
        Object last = path.elements().get(path.elements().size() - 1);
        return last instanceof Integer index ? index : -1;
    }

    private static AttributeValue setValue(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        }
        if (operand instanceof Operand.PathOperand p) {
            AttributeValue value = DocumentPaths.get(item, p.path());
            if (value == null) {
                throw DynamoException.validation("The provided expression refers to an attribute that does not exist "
                        + "in the item: " + p.path());
            }
            return value;
        }
        if (operand instanceof Operand.IfNotExists f) {
            AttributeValue existing = DocumentPaths.get(item, f.path());
            return existing != null ? existing : setValue(f.fallback(), item);
        }
        if (operand instanceof Operand.ListAppend f) {
            AttributeValue first = setValue(f.first(), item);
            AttributeValue second = setValue(f.second(), item);
            if (!(first instanceof AttributeValue.L a) || !(second instanceof AttributeValue.L b)) {
                throw incorrectType("list_append");
            }
            List<AttributeValue> joined = new ArrayList<>(a.value());
            joined.addAll(b.value());
            return new AttributeValue.L(joined);
        }
        Operand.Arithmetic arithmetic = (Operand.Arithmetic) operand;
        AttributeValue left = setValue(arithmetic.left(), item);
        AttributeValue right = setValue(arithmetic.right(), item);
        if (!(left instanceof AttributeValue.N a) || !(right instanceof AttributeValue.N b)) {
            throw incorrectType(arithmetic.plus() ? "+" : "-");
        }
        return new AttributeValue.N(
                arithmetic.plus()
                        ? a.value().add(b.value())
                        : a.value().add(DynamoNumber.of(b.value().value().negate())));
    }

    private static AttributeValue add(AttributeValue existing, AttributeValue delta) {
        if (existing instanceof AttributeValue.N a && delta instanceof AttributeValue.N b) {
            return new AttributeValue.N(a.value().add(b.value()));
        }
        if (existing instanceof AttributeValue.SS a && delta instanceof AttributeValue.SS b) {
            return new AttributeValue.SS(union(a.value(), b.value()));
        }
        if (existing instanceof AttributeValue.NS a && delta instanceof AttributeValue.NS b) {
            return new AttributeValue.NS(union(a.value(), b.value()));
        }
        if (existing instanceof AttributeValue.BS a && delta instanceof AttributeValue.BS b) {
            return new AttributeValue.BS(union(a.value(), b.value()));
        }
        throw DynamoException.validation("An operand in the update expression has an incorrect data type");
    }

    /** The set without the given elements, or null when nothing remains. */
    private static AttributeValue minus(AttributeValue existing, AttributeValue removed) {
        if (existing instanceof AttributeValue.SS a && removed instanceof AttributeValue.SS b) {
            Set<String> rest = difference(a.value(), b.value());
            return rest.isEmpty() ? null : new AttributeValue.SS(rest);
        }
        if (existing instanceof AttributeValue.NS a && removed instanceof AttributeValue.NS b) {
            Set<DynamoNumber> rest = difference(a.value(), b.value());
            return rest.isEmpty() ? null : new AttributeValue.NS(rest);
        }
        if (existing instanceof AttributeValue.BS a && removed instanceof AttributeValue.BS b) {
            Set<Bytes> rest = difference(a.value(), b.value());
            return rest.isEmpty() ? null : new AttributeValue.BS(rest);
        }
        throw DynamoException.validation("An operand in the update expression has an incorrect data type");
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static DynamoException incorrectType(String operator) {
        return DynamoException.validation("An operand in the update expression has an incorrect data type; "
                + "operator or function: " + operator);
    }
}
