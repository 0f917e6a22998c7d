package io.shardline.engine.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.engine.changelog.SequenceAllocator;
import io.shardline.engine.changelog.TrimHorizon;
import io.shardline.engine.index.IndexEntries;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Cursor;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.HashSpace;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.StatsKeys;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.function.BiFunction;

/**
 * The durable set of tables: creates, finds, redefines and deletes them, keeping each definition in
 * the store's meta family so that a restart recovers every table.
 */
public final class TableCatalog {
    private static final String TABLE_PREFIX = "table/";
    private static final byte[] TABLE_ID_SEQUENCE = "sequence/table-id".getBytes(StandardCharsets.UTF_8);

    private final Store store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final NavigableMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private final Object creation = new Object();

    public TableCatalog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        load();
    }

    private void load() {
        byte[] prefix = TABLE_PREFIX.getBytes(StandardCharsets.UTF_8);
        try (Cursor it = store.cursor(Family.META)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                TableDefinition definition = decode(it.value());
                Table table = new Table(
                        definition,
                        new SequenceAllocator(store, definition.id(), clock),
                        new TrimHorizon(store, definition.id(), definition.streams()));
                for (Partition partition : definition.openPartitions()) {
                    table.putStats(
                            partition.id(),
                            new PartitionStats(
                                    store.counter(Family.STATS, StatsKeys.items(definition.id(), partition.id())),
                                    store.counter(Family.STATS, StatsKeys.bytes(definition.id(), partition.id()))));
                }
                tables.put(definition.name(), table);
            }
        }
    }

    /** The table of that name, or ResourceNotFoundException. */
    public Table require(String name) {
        Table table = name == null ? null : tables.get(name);
        if (table == null) {
            throw new DynamoException(
                    ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    /** Table names in order, starting after {@code exclusiveStart} when given. */
    public List<String> names(String exclusiveStart, int limit) {
        NavigableMap<String, Table> view = exclusiveStart == null ? tables : tables.tailMap(exclusiveStart, false);
        return view.keySet().stream().limit(limit).toList();
    }

    public boolean hasNamesAfter(String name) {
        return tables.higherKey(name) != null;
    }

    /**
     * Creates a table with {@code partitions} open partitions spanning the hash space evenly, letting
     * {@code streamSpec} add its stream. The definition is durable when this returns.
     */
    public Table create(
            TableDefinition template,
            int partitionCount,
            long nowMillis,
            BiFunction<Table, TableDefinition, TableDefinition> streamSpec) {
        synchronized (creation) {
            if (tables.containsKey(template.name())) {
                throw new DynamoException(ErrorType.RESOURCE_IN_USE, "Table already exists: " + template.name());
            }
            long tableId = store.counter(Family.META, TABLE_ID_SEQUENCE) + 1;
            List<SecondaryIndex> indexes = new ArrayList<>();
            for (SecondaryIndex index : template.indexes()) {
                indexes.add(index.withId(tableId + 1 + indexes.size()));
            }
            List<Partition> partitions = evenPartitions(partitionCount, nowMillis);
            TableDefinition base = new TableDefinition(
                    template.name(),
                    tableId,
                    template.keySchema(),
                    template.attributeDefinitions(),
                    template.billingMode(),
                    template.readCapacityUnits(),
                    template.writeCapacityUnits(),
                    nowMillis,
                    partitions,
                    partitions.size(),
                    List.of(),
                    0,
                    null,
                    indexes,
                    template.tags(),
                    template.settings());
            Table table = new Table(
                    base, new SequenceAllocator(store, tableId, clock), new TrimHorizon(store, tableId, List.of()));
            TableDefinition definition = streamSpec.apply(table, base);
            table.define(definition);
            try (Batch batch = store.batch()) {
                batch.setCounter(Family.META, TABLE_ID_SEQUENCE, tableId + indexes.size());
                batch.put(Family.META, metaKey(definition.name()), encode(definition));
                for (Partition partition : partitions) {
                    table.putStats(partition.id(), new PartitionStats(0, 0));
                    batch.setCounter(Family.STATS, StatsKeys.items(tableId, partition.id()), 0);
                    batch.setCounter(Family.STATS, StatsKeys.bytes(tableId, partition.id()), 0);
                }
                store.commit(batch);
            }
            tables.put(definition.name(), table);
            return table;
        }
    }

    private static List<Partition> evenPartitions(int count, long nowMillis) {
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = HashSpace.sliceStart(i, count);
            long end = HashSpace.sliceEnd(i, count);
            partitions.add(new Partition(i, null, start, end, nowMillis, null));
        }
        return partitions;
    }

    /** Takes a new engine-wide id for a secondary index added to an existing table. */
    public long reserveIndexId() {
        synchronized (creation) {
            long id = store.counter(Family.META, TABLE_ID_SEQUENCE) + 1;
            try (Batch batch = store.batch()) {
                batch.setCounter(Family.META, TABLE_ID_SEQUENCE, id);
                store.commit(batch);
            }
            return id;
        }
    }

    /** Replaces a table's definition durably; the caller holds the table's structure lock or owns the change. */
    public void redefine(Table table, TableDefinition definition, Batch batch) {
        batch.put(Family.META, metaKey(definition.name()), encode(definition));
        store.commit(batch);
        table.define(definition);
    }

    /** Every table, in name order. */
    public List<Table> all() {
        return List.copyOf(tables.values());
    }

    /** Deletes a table with its items and change records, after every write in progress on it has finished. */
    public Table delete(String name) {
        synchronized (creation) {
            Table table = require(name);
            Lock lock = table.structureChange();
            lock.lock();
            try {
                long id = table.id();
                try (Batch batch = store.batch()) {
                    batch.delete(Family.META, metaKey(name));
                    batch.deleteRange(Family.ITEMS, ItemKeys.tableStart(id), ItemKeys.tableStart(id + 1));
                    batch.deleteRange(Family.STATS, ItemKeys.tableStart(id), ItemKeys.tableStart(id + 1));
                    batch.deleteRange(Family.STREAM, ItemKeys.tableStart(id), ItemKeys.tableStart(id + 1));
                    table.definition().indexes().forEach(index -> IndexEntries.dropAll(batch, index));
                    store.commit(batch);
                }
                table.markDeleted();
                tables.remove(name);
                return table;
            } finally {
                lock.unlock();
            }
        }
    }

    private static byte[] metaKey(String name) {
        return (TABLE_PREFIX + name).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encode(TableDefinition definition) {
        try {
            return json.writeValueAsBytes(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TableDefinition decode(byte[] bytes) {
        try {
            return json.readValue(bytes, TableDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable table definition", e);
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
