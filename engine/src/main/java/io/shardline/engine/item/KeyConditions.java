package io.shardline.engine.item;

import io.shardline.engine.api.Condition;
import io.shardline.engine.index.IndexKeys;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.ScalarType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns Query's legacy KeyConditions into a storage key range: equality on the partition key picks
 * the item collection; an optional sort key condition (EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH)
 * narrows it, using the order-preserving encoding of sort keys. Item keys end with the raw sort key;
 * index entry keys hold it escaped and terminated, followed by the table's keys ({@link IndexKeys}).
 */
final class KeyConditions {
    private KeyConditions() {}

    /**
     * The range of keys under {@code keySpace} (a table or an index id) that the conditions select;
     * {@code indexEntries} says whether the keys are index entry keys.
     */
    static KeyRange range(long keySpace, KeySchema schema, Map<String, Condition> conditions, boolean indexEntries) {
        if (conditions == null || conditions.isEmpty()) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        for (String name : conditions.keySet()) {
            if (!schema.isKeyAttribute(name)) {
                throw DynamoException.validation("Query condition missed key schema element: " + schema.partitionKey()
                        + "; " + name + " is not a key attribute");
            }
        }
        Condition partition = conditions.get(schema.partitionKey());
        if (partition == null) {
            throw DynamoException.validation("Query condition missed key schema element: " + schema.partitionKey());
        }
        if (!"EQ".equals(partition.comparisonOperator())) {
            throw DynamoException.validation("Query key condition not supported: the partition key condition must use "
                    + "EQ, not " + partition.comparisonOperator());
        }
        byte[] partitionKey =
                ItemKeys.keyBytes(operands(partition, 1, schema.partitionType()).get(0));
        byte[] prefix = ItemKeys.collection(keySpace, partitionKey);
        KeyRange collection = KeyRange.withPrefix(prefix);
        Condition sort = schema.hasSortKey() ? conditions.get(schema.sortKey()) : null;
        if (sort == null) {
            return collection;
        }
        String operator = sort.comparisonOperator() == null ? "null" : sort.comparisonOperator();
        switch (operator) {
            case "EQ": {
                byte[] value = sortBytes(sort, 1, schema, 0);
                return new KeyRange(firstWith(prefix, value, indexEntries), afterAllWith(prefix, value, indexEntries));
            }
            case "LT":
                return collection.narrowUpper(firstWith(prefix, sortBytes(sort, 1, schema, 0), indexEntries));
            case "LE":
                return collection.narrowUpper(afterAllWith(prefix, sortBytes(sort, 1, schema, 0), indexEntries));
            case "GT":
                return collection.narrowLower(afterAllWith(prefix, sortBytes(sort, 1, schema, 0), indexEntries));
            case "GE":
                return collection.narrowLower(firstWith(prefix, sortBytes(sort, 1, schema, 0), indexEntries));
            case "BETWEEN": {
                byte[] low = sortBytes(sort, 2, schema, 0);
                byte[] high = sortBytes(sort, 2, schema, 1);
                if (Arrays.compareUnsigned(low, high) > 0) {
                    throw DynamoException.validation(
                            "Invalid KeyConditionExpression: The BETWEEN operator requires upper "
                                    + "bound to be greater than or equal to lower bound; lower bound operand: "
                                    + sort.attributeValueList().get(0) + ", upper bound operand: "
                                    + sort.attributeValueList().get(1));
                }
                return new KeyRange(firstWith(prefix, low, indexEntries), afterAllWith(prefix, high, indexEntries));
            }
            case "BEGINS_WITH": {
                if (schema.sortType() == ScalarType.N) {
                    throw DynamoException.validation(
                            "Invalid KeyConditionExpression: Incorrect operand type for operator "
                                    + "or function; operator or function: begins_with, operand type: N");
                }
                byte[] start = sortBytes(sort, 1, schema, 0);
                return start.length == 0
                        ? collection
                        : KeyRange.withPrefix(concat(prefix, indexEntries ? IndexKeys.sortKey(start, false) : start));
            }
            default:
                throw DynamoException.validation("Query key condition not supported: " + operator
                        + " on the sort key; use EQ, LT, LE, GT, GE, BETWEEN or BEGINS_WITH");
        }
    }

    /** The first key whose sort key is {@code value}. */
    private static byte[] firstWith(byte[] prefix, byte[] value, boolean indexEntries) {
        return concat(prefix, indexEntries ? IndexKeys.sortKey(value, true) : value);
    }

    /** The first key past every key whose sort key is {@code value}. */
    private static byte[] afterAllWith(byte[] prefix, byte[] value, boolean indexEntries) {
        return indexEntries
                ? KeyRange.successorOfPrefix(firstWith(prefix, value, true))
                : KeyRange.after(concat(prefix, value));
    }

    private static byte[] sortBytes(Condition condition, int arity, KeySchema schema, int index) {
        return ItemKeys.keyBytes(operands(condition, arity, schema.sortType()).get(index));
    }

    private static List<AttributeValue> operands(Condition condition, int arity, ScalarType type) {
        List<AttributeValue> values = condition.attributeValueList();
        if (values == null || values.size() != arity) {
            throw DynamoException.invalidParameter(
                    "Invalid number of argument(s) for the " + condition.comparisonOperator() + " ComparisonOperator");
        }
        for (AttributeValue value : values) {
            if (!value.type().equals(type.name())) {
                throw DynamoException.invalidParameter("Condition parameter type does not match schema type");
            }
        }
        return values;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
