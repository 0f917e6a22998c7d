package io.shardline.engine.item;

import io.shardline.engine.index.IndexKeys;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.Path;
import java.util.List;
import java.util.Map;

/**
 * What a Query or Scan reads: the table's items, or the entries of one of its secondary indexes
 * ({@code IndexName}), with the key schema its key conditions use and the key its pages end at. A
 * local index whose projection lacks attributes a request needs reads them from the table, as
 * DynamoDB does; a global index returns only what it projects.
 */
final class ReadSource {
    private final Store store;
    private final Table table;
    private final SecondaryIndex index;
    private final boolean fetchFromTable;

    private ReadSource(Store store, Table table, SecondaryIndex index, boolean fetchFromTable) {
        this.store = store;
        this.table = table;
        this.index = index;
        this.fetchFromTable = fetchFromTable;
    }

    /**
     * The source a request names, checked as DynamoDB checks it.
     *
     * @param wanted the attribute paths the request reads (projection and filter), or null for all
     */
    static ReadSource of(
            Store store, Table table, String indexName, Boolean consistentRead, String select, List<Path> wanted) {
        if (indexName == null) {
            return new ReadSource(store, table, null, false);
        }
        SecondaryIndex index = table.definition()
                .index(indexName)
                .orElseThrow(
                        () -> DynamoException.validation("The table does not have the specified index: " + indexName));
        if (!index.isActive()) {
            throw DynamoException.validation("Cannot read from backfilling global secondary index: " + indexName);
        }
        if (index.global() && Boolean.TRUE.equals(consistentRead)) {
            throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
        }
        KeySchema tableSchema = table.definition().keySchema();
        boolean allAttributes = "ALL_ATTRIBUTES".equals(select);
        boolean missing = !index.projectsEverything()
                && (allAttributes
                        || (wanted != null
                                && wanted.stream().anyMatch(p -> !index.projects(p.attribute(), tableSchema))));
        if (index.global() && allAttributes && !index.projectsEverything()) {
            throw DynamoException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
                    + "is not supported for global secondary index " + indexName
                    + " because its projection type is not ALL");
        }
        return new ReadSource(store, table, index, !index.global() && missing);
    }

    boolean isIndex() {
        return index != null;
    }

    Family family() {
        return index == null ? Family.ITEMS : Family.INDEXES;
    }

    /** The table or index id under which the keys read are stored. */
    long keySpace() {
        return index == null ? table.id() : index.id();
    }

    KeySchema keySchema() {
        return index == null ? table.definition().keySchema() : index.keySchema();
    }

    /** The storage key an ExclusiveStartKey names. */
    byte[] storageKey(Map<String, AttributeValue> exclusiveStartKey) {
        KeySchema tableSchema = table.definition().keySchema();
        if (index == null) {
            return ItemKeys.of(table.id(), tableSchema, tableSchema.checkKey(exclusiveStartKey));
        }
        tableSchema.checkKey(tableSchema.keyOf(exclusiveStartKey));
        byte[] key = IndexKeys.entry(index, tableSchema, exclusiveStartKey);
        if (key == null) {
            throw DynamoException.validation("The provided starting key is invalid: it must hold the key attributes "
                    + "of index " + index.name() + " and of the table, with their types");
        }
        return key;
    }

    /** The item as the request sees it: the stored entry, or the table's item for a local index read through. */
    Map<String, AttributeValue> item(byte[] stored) {
        Map<String, AttributeValue> entry = ItemCodec.decode(stored);
        if (!fetchFromTable) {
            return entry;
        }
        byte[] item = store.get(
                Family.ITEMS, ItemKeys.of(table.id(), table.definition().keySchema(), entry));
        return item == null ? entry : ItemCodec.decode(item);
    }

    /** The key a page that ends at {@code item} reports as LastEvaluatedKey. */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        KeySchema tableSchema = table.definition().keySchema();
        return index == null ? tableSchema.keyOf(item) : index.entryKeyOf(item, tableSchema);
    }
}
