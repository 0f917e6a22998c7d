package io.shardline.engine.table;

import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.GlobalSecondaryIndex;
import io.shardline.engine.api.IndexProjection;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.LocalSecondaryIndex;
import io.shardline.engine.api.ProvisionedThroughput;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.ScalarType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads key schemas and secondary index definitions from CreateTable and UpdateTable requests, with
 * DynamoDB's rules and messages: names, key schemas whose attributes are defined, projections, the
 * per-table limits, and attribute definitions that name exactly the key attributes in use.
 */
final class IndexSpecs {
    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_PROJECTED_ATTRIBUTES = 100;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private IndexSpecs() {}

    /** A key schema (HASH, then optional RANGE) whose attributes {@code definitions} types. */
    static KeySchema keySchema(List<KeySchemaElement> elements, List<AttributeDefinition> definitions) {
        if (elements == null || elements.isEmpty() || elements.size() > 2) {
            throw DynamoException.validation("1 validation error detected: Value '" + elements + "' at 'keySchema' "
                    + "failed to satisfy constraint: Member must have length between 1 and 2");
        }
        KeySchemaElement hash = elements.get(0);
        if (hash == null || !"HASH".equals(hash.keyType())) {
            throw DynamoException.invalidParameter(
                    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        KeySchemaElement range = elements.size() == 2 ? elements.get(1) : null;
        if (range != null && !"RANGE".equals(range.keyType())) {
            throw DynamoException.invalidParameter(
                    "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (range != null && range.attributeName().equals(hash.attributeName())) {
            throw DynamoException.invalidParameter(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        return new KeySchema(
                hash.attributeName(),
                typeOf(hash.attributeName(), definitions),
                range == null ? null : range.attributeName(),
                range == null ? null : typeOf(range.attributeName(), definitions));
    }

    private static ScalarType typeOf(String attribute, List<AttributeDefinition> definitions) {
        return definitions.stream()
                .filter(d -> d.attributeName().equals(attribute))
                .findFirst()
                .map(d -> ScalarType.parse(d.attributeType(), attribute))
                .orElseThrow(() -> DynamoException.invalidParameter("Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: "
                        + definitions.stream()
                                .map(AttributeDefinition::attributeName)
                                .toList()));
    }

    /** The indexes CreateTable asks for, each with id 0 until the catalog gives it one. */
    static List<SecondaryIndex> ofCreateTable(
            KeySchema table,
            List<GlobalSecondaryIndex> globals,
            List<LocalSecondaryIndex> locals,
            List<AttributeDefinition> definitions,
            boolean provisioned) {
        List<SecondaryIndex> indexes = new ArrayList<>();
        if (globals != null) {
            if (globals.size() > MAX_GLOBAL_INDEXES) {
                throw DynamoException.invalidParameter(
                        "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
            }
            for (GlobalSecondaryIndex spec : globals) {
                indexes.add(global(spec, table, definitions, provisioned, SecondaryIndex.ACTIVE));
            }
        }
        if (locals != null) {
            if (locals.size() > MAX_LOCAL_INDEXES) {
                throw DynamoException.invalidParameter(
                        "LocalSecondaryIndex count exceeds the per-table limit of " + MAX_LOCAL_INDEXES);
            }
            if (!table.hasSortKey() && !locals.isEmpty()) {
                throw DynamoException.invalidParameter("Table KeySchema does not have a range key, which is required "
                        + "when specifying a LocalSecondaryIndex");
            }
            for (LocalSecondaryIndex spec : locals) {
                indexes.add(local(spec, table, definitions));
            }
        }
        checkTogether(table, indexes, definitions);
        return indexes;
    }

    /** A global index from its definition; {@code status} is ACTIVE on a new table, CREATING on an existing one. */
    static SecondaryIndex global(
            GlobalSecondaryIndex spec,
            KeySchema table,
            List<AttributeDefinition> definitions,
            boolean provisioned,
            String status) {
        checkName(spec.indexName());
        KeySchema schema = keySchema(spec.keySchema(), definitions);
        ProvisionedThroughput throughput = spec.provisionedThroughput();
        if (provisioned
                && (throughput == null
                        || throughput.readCapacityUnits() == null
                        || throughput.writeCapacityUnits() == null)) {
            throw DynamoException.invalidParameter(
                    "ProvisionedThroughput must be specified for index: " + spec.indexName());
        }
        IndexProjection projection = projection(spec.indexName(), spec.projection());
        return new SecondaryIndex(
                spec.indexName(),
                0,
                true,
                schema,
                projection.projectionType(),
                projection.nonKeyAttributes(),
                status,
                provisioned ? throughput.readCapacityUnits() : null,
                provisioned ? throughput.writeCapacityUnits() : null);
    }

    private static SecondaryIndex local(
            LocalSecondaryIndex spec, KeySchema table, List<AttributeDefinition> definitions) {
        checkName(spec.indexName());
        KeySchema schema = keySchema(spec.keySchema(), definitions);
        if (!schema.partitionKey().equals(table.partitionKey())) {
            throw DynamoException.invalidParameter("Index KeySchema does not have the same leading hash key as table "
                    + "KeySchema for index: " + spec.indexName() + ". index hash key: " + schema.partitionKey()
                    + ", table hash key: " + table.partitionKey());
        }
        if (!schema.hasSortKey()) {
            throw DynamoException.invalidParameter(
                    "Index KeySchema of local secondary index " + spec.indexName() + " must have a RANGE key");
        }
        IndexProjection projection = projection(spec.indexName(), spec.projection());
        return new SecondaryIndex(
                spec.indexName(),
                0,
                false,
                schema,
                projection.projectionType(),
                projection.nonKeyAttributes(),
                SecondaryIndex.ACTIVE,
                null,
                null);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DynamoException.validation("1 validation error detected: Value '" + name + "' at 'indexName' "
                    + "failed to satisfy constraint: Member must have length between 3 and 255 and satisfy regular "
                    + "expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    private static IndexProjection projection(String indexName, IndexProjection projection) {
        if (projection == null || projection.projectionType() == null) {
            throw DynamoException.invalidParameter(
                    "Unknown ProjectionType: null for index: " + indexName + "; use ALL, KEYS_ONLY or INCLUDE");
        }
        List<String> nonKey = projection.nonKeyAttributes();
        switch (projection.projectionType()) {
            case SecondaryIndex.ALL, SecondaryIndex.KEYS_ONLY -> {
                if (nonKey != null) {
                    throw DynamoException.invalidParameter("ProjectionType is " + projection.projectionType()
                            + ", but NonKeyAttributes is specified for index: " + indexName);
                }
                return new IndexProjection(projection.projectionType(), null);
            }
            case SecondaryIndex.INCLUDE -> {
                if (nonKey == null || nonKey.isEmpty()) {
                    throw DynamoException.invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not "
                            + "specified for index: " + indexName);
                }
                if (new HashSet<>(nonKey).size() != nonKey.size()) {
                    throw DynamoException.invalidParameter(
                            "Duplicate attribute in NonKeyAttributes of index: " + indexName + ": " + nonKey);
                }
                return new IndexProjection(SecondaryIndex.INCLUDE, List.copyOf(nonKey));
            }
            default ->
                throw DynamoException.validation("1 validation error detected: Value '"
                        + projection.projectionType()
                        + "' at 'projection.projectionType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
    }

    /**
     * Checks what holds across a table's indexes: distinct names, at most 100 projected non-key
     * attributes in all, and attribute definitions naming exactly the key attributes in use.
     */
    static void checkTogether(KeySchema table, List<SecondaryIndex> indexes, List<AttributeDefinition> definitions) {
        Set<String> names = new HashSet<>();
        int projected = 0;
        for (SecondaryIndex index : indexes) {
            if (!names.add(index.name())) {
                throw DynamoException.invalidParameter("Duplicate index name: " + index.name());
            }
            projected += index.nonKeyAttributes().size();
        }
        Set<String> used = keyAttributesInUse(table, indexes);
        if (projected > MAX_PROJECTED_ATTRIBUTES) {
            throw DynamoException.invalidParameter("The number of attributes in NonKeyAttributes across all indexes ("
                    + projected + ") exceeds the limit of " + MAX_PROJECTED_ATTRIBUTES);
        }
        Set<String> defined = new HashSet<>();
        for (AttributeDefinition definition : definitions) {
            if (!defined.add(definition.attributeName())) {
                throw DynamoException.invalidParameter(
                        "Duplicate AttributeName in AttributeDefinitions: " + definition.attributeName());
            }
        }
        if (!defined.equals(used)) {
            throw DynamoException.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + definitions.stream()
                            .map(AttributeDefinition::attributeName)
                            .toList() + ", keys used: " + used);
        }
    }

    /** The key attributes of a table and its indexes: the attributes AttributeDefinitions must name. */
    static Set<String> keyAttributesInUse(KeySchema table, List<SecondaryIndex> indexes) {
        Set<String> used = new LinkedHashSet<>(keyAttributes(table));
        indexes.forEach(index -> used.addAll(keyAttributes(index.keySchema())));
        return used;
    }

    private static List<String> keyAttributes(KeySchema schema) {
        return schema.hasSortKey() ? List.of(schema.partitionKey(), schema.sortKey()) : List.of(schema.partitionKey());
    }
}
