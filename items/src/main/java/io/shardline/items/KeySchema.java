package io.shardline.items;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table's primary key: a partition key and an optional sort key, each with its scalar type. Checks
 * items and keys against it with DynamoDB's rules and messages.
 */
public record KeySchema(String partitionKey, ScalarType partitionType, String sortKey, ScalarType sortType) {
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    public boolean hasSortKey() {
        return sortKey != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(partitionKey) || name.equals(sortKey);
    }

    /** Checks that an item carries valid key attributes; returns its key. */
    public Map<String, AttributeValue> checkItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        checkKeyAttribute(item, partitionKey, partitionType, key);
        if (hasSortKey()) {
            checkKeyAttribute(item, sortKey, sortType, key);
        }
        return key;
    }

    /** Checks that a Key parameter names exactly this schema's key attributes, with valid values. */
    public Map<String, AttributeValue> checkKey(Map<String, AttributeValue> key) {
        if (key == null
                || key.size() != (hasSortKey() ? 2 : 1)
                || !key.containsKey(partitionKey)
                || (hasSortKey() && !key.containsKey(sortKey))) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        try {
            return checkItem(key);
        } catch (DynamoException e) {
            if (e.getMessage().contains("Type mismatch")) {
                throw DynamoException.validation("The provided key element does not match the schema");
            }
            throw e;
        }
    }

    /** The key attributes of an item that already passed {@link #checkItem}. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(partitionKey, item.get(partitionKey));
        if (hasSortKey()) {
            key.put(sortKey, item.get(sortKey));
        }
        return key;
    }

    private void checkKeyAttribute(
            Map<String, AttributeValue> item, String name, ScalarType type, Map<String, AttributeValue> key) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoException.invalidParameter("Missing the key " + name + " in the item");
        }
        if (!value.type().equals(type.name())) {
            throw DynamoException.invalidParameter(
                    "Type mismatch for key " + name + " expected: " + type + " actual: " + value.type());
        }
        long size = ItemSize.of(value);
        if (size == 0) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue "
                    + "for a key attribute cannot contain an empty " + (type == ScalarType.S ? "string" : "binary")
                    + " value. Key: " + name);
        }
        if (name.equals(partitionKey) && size > MAX_PARTITION_KEY_BYTES) {
            throw DynamoException.invalidParameter(
                    "Size of hashkey has exceeded the maximum size limit of " + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (name.equals(sortKey) && size > MAX_SORT_KEY_BYTES) {
            throw DynamoException.invalidParameter("Aggregated size of all range keys has exceeded the size limit of "
                    + MAX_SORT_KEY_BYTES + " bytes");
        }
        key.put(name, value);
    }
}
