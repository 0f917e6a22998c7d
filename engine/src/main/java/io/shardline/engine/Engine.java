package io.shardline.engine;

import io.shardline.engine.api.BatchGetItem;
import io.shardline.engine.api.BatchWriteItem;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DeleteTable;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.item.ItemOperations;
import io.shardline.engine.item.ItemWriter;
import io.shardline.engine.item.QueryOperations;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Partition;
import io.shardline.engine.table.PartitionSplitter;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableOperations;
import java.util.List;

/**
 * The embedded Shardline engine: DynamoDB's table and item operations over a RocksDB store. Every
 * method is thread-safe; writes to one item are linearizable, and a write that returns is durable
 * (in a durable engine). Errors are {@link io.shardline.engine.model.DynamoException}s carrying the
 * DynamoDB error type.
 */
public final class Engine implements AutoCloseable {
    private final Store store;
    private final TableCatalog catalog;
    private final PartitionSplitter splitter;
    private final TableOperations tables;
    private final ItemOperations items;
    private final QueryOperations queries;

    private Engine(EngineConfig config) {
        store = config.dataDir() == null ? Store.openInMemory() : Store.openDurable(config.dataDir());
        catalog = new TableCatalog(store);
        splitter = new PartitionSplitter(store, catalog, config.partitionSplitBytes(), config.clock());
        tables = new TableOperations(store, catalog, config.defaultPartitions(), config.region(),
                config.accountId(), config.clock());
        items = new ItemOperations(store, catalog, new ItemWriter(store, splitter));
        queries = new QueryOperations(store, catalog);
    }

    /** Opens an engine, recovering every table and item of its data directory. */
    public static Engine open(EngineConfig config) {
        return new Engine(config);
    }

    public CreateTable.Response createTable(CreateTable.Request request) {
        return tables.createTable(request);
    }

    public DescribeTable.Response describeTable(DescribeTable.Request request) {
        return tables.describeTable(request);
    }

    public ListTables.Response listTables(ListTables.Request request) {
        return tables.listTables(request);
    }

    public UpdateTable.Response updateTable(UpdateTable.Request request) {
        return tables.updateTable(request);
    }

    public DeleteTable.Response deleteTable(DeleteTable.Request request) {
        return tables.deleteTable(request);
    }

    public PutItem.Response putItem(PutItem.Request request) {
        return items.putItem(request);
    }

    public GetItem.Response getItem(GetItem.Request request) {
        return items.getItem(request);
    }

    public DeleteItem.Response deleteItem(DeleteItem.Request request) {
        return items.deleteItem(request);
    }

    public UpdateItem.Response updateItem(UpdateItem.Request request) {
        return items.updateItem(request);
    }

    public BatchWriteItem.Response batchWriteItem(BatchWriteItem.Request request) {
        return items.batchWriteItem(request);
    }

    public BatchGetItem.Response batchGetItem(BatchGetItem.Request request) {
        return items.batchGetItem(request);
    }

    public ItemPage query(Query.Request request) {
        return queries.query(request);
    }

    public ItemPage scan(Scan.Request request) {
        return queries.scan(request);
    }

    /** Every partition the table ever had, open and split, with lineage. Administrative. */
    public List<Partition> partitions(String tableName) {
        return catalog.require(tableName).definition().partitions();
    }

    /** Splits an open partition of a table now and returns its two children. Administrative. */
    public List<Partition> splitPartition(String tableName, long partitionId) {
        return splitter.split(catalog.require(tableName), partitionId);
    }

    @Override
    public void close() {
        store.close();
    }
}
