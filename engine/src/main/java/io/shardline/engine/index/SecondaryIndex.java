package io.shardline.engine.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.shardline.items.AttributeValue;
import io.shardline.items.KeySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One secondary index of a table, as its definition stores it. {@code id} is engine-wide unique
 * (drawn from the table id sequence) and prefixes the index's entries in the store's index family.
 * A global index is CREATING while existing items are backfilled, then ACTIVE; a local index is
 * created with its table and is always ACTIVE.
 *
 * @param nonKeyAttributes the attributes an INCLUDE projection copies besides the keys; empty otherwise
 */
public record SecondaryIndex(
        String name,
        long id,
        boolean global,
        KeySchema keySchema,
        String projectionType,
        List<String> nonKeyAttributes,
        String status,
        Long readCapacityUnits,
        Long writeCapacityUnits) {
    public static final String ALL = "ALL";
    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String INCLUDE = "INCLUDE";
    public static final String CREATING = "CREATING";
    public static final String ACTIVE = "ACTIVE";

    public SecondaryIndex {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    @JsonIgnore
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public SecondaryIndex withId(long newId) {
        return new SecondaryIndex(
                name,
                newId,
                global,
                keySchema,
                projectionType,
                nonKeyAttributes,
                status,
                readCapacityUnits,
                writeCapacityUnits);
    }

    public SecondaryIndex withStatus(String newStatus) {
        return new SecondaryIndex(
                name,
                id,
                global,
                keySchema,
                projectionType,
                nonKeyAttributes,
                newStatus,
                readCapacityUnits,
                writeCapacityUnits);
    }

    public SecondaryIndex withThroughput(Long read, Long write) {
        return new SecondaryIndex(name, id, global, keySchema, projectionType, nonKeyAttributes, status, read, write);
    }

    /** Whether every attribute of an item this index holds is in its entries, so reads need not go to the table. */
    public boolean projectsEverything() {
        return ALL.equals(projectionType);
    }

    /** Whether the index's entries carry {@code attribute} (keys always, others by projection). */
    public boolean projects(String attribute, KeySchema table) {
        return projectsEverything()
                || keySchema.isKeyAttribute(attribute)
                || table.isKeyAttribute(attribute)
                || nonKeyAttributes.contains(attribute);
    }

    /** What the index holds of an item: the item projected as declared. */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema table) {
        if (projectsEverything()) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (projects(name, table)) {
                projected.put(name, value);
            }
        });
        return projected;
    }

    /** The key of an index entry as LastEvaluatedKey reports it: the index's keys and the table's. */
    public Map<String, AttributeValue> entryKeyOf(Map<String, AttributeValue> item, KeySchema table) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(table.keyOf(item));
        key.putAll(keySchema.keyOf(item));
        return key;
    }
}
