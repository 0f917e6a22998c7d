package io.shardline.engine.table;

import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.GlobalSecondaryIndex;
import io.shardline.engine.api.GlobalSecondaryIndexUpdate;
import io.shardline.engine.api.ProvisionedThroughput;
import io.shardline.engine.index.IndexEntries;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates. Create adds a global index as CREATING: from that
 * commit on every write maintains it, and a backfill adds the items written before, then makes it
 * ACTIVE. Update changes its (echoed) throughput; Delete removes it with all its entries at once.
 * Each change happens while no write is in progress on the table.
 */
final class IndexChanges {
    private final Store store;
    private final TableCatalog catalog;

    IndexChanges(Store store, TableCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Applies one update; returns whether it created an index that needs backfilling. */
    boolean update(Table table, GlobalSecondaryIndexUpdate update, List<AttributeDefinition> definitions) {
        int actions = (update.create() == null ? 0 : 1)
                + (update.update() == null ? 0 : 1)
                + (update.delete() == null ? 0 : 1);
        if (actions != 1) {
            throw DynamoException.invalidParameter(
                    "A GlobalSecondaryIndexUpdate must have exactly one of Create, " + "Update or Delete");
        }
        if (update.create() != null) {
            create(table, update.create(), definitions == null ? List.of() : definitions);
            return true;
        }
        if (update.update() != null) {
            GlobalSecondaryIndexUpdate.Update change = update.update();
            ProvisionedThroughput throughput = change.provisionedThroughput();
            table.whileNoWrites(() -> {
                TableDefinition current = table.definition();
                SecondaryIndex index = existingGlobal(current, change.indexName());
                if (throughput == null || !"PROVISIONED".equals(current.billingMode())) {
                    throw DynamoException.invalidParameter("ProvisionedThroughput of index " + change.indexName()
                            + " can change only on a PROVISIONED table, and must be given");
                }
                redefine(
                        table,
                        current.withIndex(
                                index.withThroughput(throughput.readCapacityUnits(), throughput.writeCapacityUnits())),
                        List.of());
                return null;
            });
            return false;
        }
        table.whileNoWrites(() -> {
            TableDefinition current = table.definition();
            SecondaryIndex index = existingGlobal(current, update.delete().indexName());
            List<SecondaryIndex> remaining =
                    current.indexes().stream().filter(i -> i.id() != index.id()).toList();
            Set<String> used = IndexSpecs.keyAttributesInUse(current.keySchema(), remaining);
            List<AttributeDefinition> kept = current.attributeDefinitions().stream()
                    .filter(d -> used.contains(d.attributeName()))
                    .toList();
            redefine(table, current.withIndexes(remaining, kept), List.of(index));
            return null;
        });
        return false;
    }

    private void create(Table table, GlobalSecondaryIndex spec, List<AttributeDefinition> given) {
        TableDefinition before = table.definition();
        requireNew(before, spec.indexName());
        if (before.indexes().stream().filter(SecondaryIndex::global).count() >= IndexSpecs.MAX_GLOBAL_INDEXES) {
            throw new DynamoException(
                    ErrorType.LIMIT_EXCEEDED,
                    "Subscriber limit exceeded: a table has at most " + IndexSpecs.MAX_GLOBAL_INDEXES
                            + " global secondary indexes");
        }
        List<AttributeDefinition> merged = new ArrayList<>(before.attributeDefinitions());
        for (AttributeDefinition definition : given) {
            AttributeDefinition existing = merged.stream()
                    .filter(d -> d.attributeName().equals(definition.attributeName()))
                    .findFirst()
                    .orElse(null);
            if (existing == null) {
                merged.add(definition);
            } else if (!existing.attributeType().equals(definition.attributeType())) {
                throw DynamoException.invalidParameter("Cannot change the type of attribute "
                        + definition.attributeName() + " from " + existing.attributeType() + " to "
                        + definition.attributeType());
            }
        }
        SecondaryIndex index = IndexSpecs.global(
                spec, before.keySchema(), merged, "PROVISIONED".equals(before.billingMode()), SecondaryIndex.CREATING);
        List<SecondaryIndex> indexes = new ArrayList<>(before.indexes());
        indexes.add(index);
        IndexSpecs.checkTogether(before.keySchema(), indexes, merged);
        SecondaryIndex withId = index.withId(catalog.reserveIndexId());
        table.whileNoWrites(() -> {
            TableDefinition current = table.definition();
            requireNew(current, spec.indexName());
            List<SecondaryIndex> added = new ArrayList<>(current.indexes());
            added.add(withId);
            redefine(table, current.withIndexes(added, merged), List.of());
            return null;
        });
    }

    /** Refuses a name the table's indexes already use; checked before taking an id and again under the lock. */
    private static void requireNew(TableDefinition table, String indexName) {
        if (table.index(indexName).isPresent()) {
            throw DynamoException.invalidParameter("Attempting to create an index which already exists: " + indexName);
        }
    }

    private void redefine(Table table, TableDefinition definition, List<SecondaryIndex> dropped) {
        try (Batch batch = store.batch()) {
            dropped.forEach(index -> IndexEntries.dropAll(batch, index));
            catalog.redefine(table, definition, batch);
        }
    }

    private static SecondaryIndex existingGlobal(TableDefinition table, String name) {
        SecondaryIndex index = table.index(name)
                .orElseThrow(() -> new DynamoException(
                        ErrorType.RESOURCE_NOT_FOUND,
                        "Requested resource not found: Index: " + name + " of table " + table.name() + " not found"));
        if (!index.global()) {
            throw DynamoException.invalidParameter("Index " + name + " is a local secondary index; only global "
                    + "secondary indexes can be updated or deleted");
        }
        return index;
    }
}
