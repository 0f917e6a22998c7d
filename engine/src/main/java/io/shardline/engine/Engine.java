package io.shardline.engine;

import io.shardline.engine.api.BatchExecuteStatement;
import io.shardline.engine.api.BatchGetItem;
import io.shardline.engine.api.BatchWriteItem;
import io.shardline.engine.api.ContinuousBackups;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DeleteTable;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.DescribeTimeToLive;
import io.shardline.engine.api.ExecuteStatement;
import io.shardline.engine.api.ExecuteTransaction;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.ListStreams;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.ResourcePolicies;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.ServiceDescriptions;
import io.shardline.engine.api.TagResource;
import io.shardline.engine.api.TransactGetItems;
import io.shardline.engine.api.TransactWriteItems;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.changelog.ChangeRecords;
import io.shardline.engine.changelog.ShardReader;
import io.shardline.engine.item.IndexBackfill;
import io.shardline.engine.item.ItemOperations;
import io.shardline.engine.item.ItemWriter;
import io.shardline.engine.item.QueryOperations;
import io.shardline.engine.item.TransactionOperations;
import io.shardline.engine.partiql.PartiqlOperations;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.streams.GetRecordsPage;
import io.shardline.engine.streams.StreamMaintenance;
import io.shardline.engine.streams.StreamOperations;
import io.shardline.engine.table.ContinuousBackupOperations;
import io.shardline.engine.table.Partition;
import io.shardline.engine.table.PartitionSplitter;
import io.shardline.engine.table.ResourcePolicyOperations;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableOperations;
import io.shardline.engine.table.TagOperations;
import io.shardline.engine.ttl.TimeToLiveOperations;
import io.shardline.engine.ttl.TtlSweeper;
import io.shardline.items.AttributeValue;
import io.shardline.items.KeySchema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Shardline engine: DynamoDB's table, item, transaction, stream and TTL operations over a RocksDB
 * store, with a background thread for shard rollover, retention trimming and TTL expiry. Every
 * method is thread-safe; writes to one item are linearizable, and a write that returns is durable
 * (in a durable engine). Errors are {@link io.shardline.items.DynamoException}s carrying the
 * DynamoDB error type.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Store store;
    private final TableCatalog catalog;
    private final PartitionSplitter splitter;
    private final TableOperations tables;
    private final TagOperations tags;
    private final ContinuousBackupOperations continuousBackups;
    private final ResourcePolicyOperations resourcePolicies;
    private final PartiqlOperations partiql;
    private final IndexBackfill backfill;
    private final ItemOperations items;
    private final QueryOperations queries;
    private final TransactionOperations transactions;
    private final StreamOperations streams;
    private final TimeToLiveOperations timeToLive;
    private final StreamMaintenance streamMaintenance;
    private final TtlSweeper ttlSweeper;
    private final ScheduledExecutorService maintenance;
    private final String region;
    private final Clock clock;
    private final Duration maintenanceInterval;
    /** Whether the TTL sweeper runs with the periodic maintenance rather than on its own schedule. */
    private final boolean sweepsWithMaintenance;

    private Engine(EngineConfig config) {
        region = config.region();
        clock = config.clock();
        maintenanceInterval = config.maintenanceInterval();
        store = config.dataDir() == null ? Store.openInMemory() : Store.openDurable(config.dataDir());
        catalog = new TableCatalog(store, config.clock());
        splitter = new PartitionSplitter(store, catalog, config.partitionSplitBytes(), config.clock());
        ItemWriter writer = new ItemWriter(store, splitter, new ChangeRecords(config.region()));
        backfill = new IndexBackfill(store, catalog, writer);
        tables = new TableOperations(
                store,
                catalog,
                config.defaultPartitions(),
                config.region(),
                config.accountId(),
                config.clock(),
                backfill::start);
        tags = new TagOperations(store, catalog, tables);
        continuousBackups = new ContinuousBackupOperations(catalog);
        resourcePolicies = new ResourcePolicyOperations(store, catalog, tables, config.clock());
        items = new ItemOperations(store, catalog, writer);
        queries = new QueryOperations(store, catalog);
        transactions = new TransactionOperations(store, catalog, writer, config.clock());
        partiql = new PartiqlOperations(catalog, items, queries, transactions);
        ShardReader shardReader = new ShardReader(store);
        streams = new StreamOperations(store, catalog, tables, shardReader, config.clock());
        timeToLive = new TimeToLiveOperations(store, catalog);
        streamMaintenance = new StreamMaintenance(
                store, catalog, shardReader, config.shardRolloverAge(), config.streamRetention(), config.clock());
        ttlSweeper = new TtlSweeper(store, catalog, writer, config.ttlBatchSize(), config.clock());
        maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shardline-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        backfill.resumeAll();
        long interval = config.maintenanceInterval().toMillis();
        sweepsWithMaintenance = config.ttlInterval() == null;
        maintenance.scheduleWithFixedDelay(this::maintainQuietly, interval, interval, TimeUnit.MILLISECONDS);
        if (!sweepsWithMaintenance) {
            long ttl = config.ttlInterval().toMillis();
            maintenance.scheduleWithFixedDelay(this::sweepQuietly, ttl, ttl, TimeUnit.MILLISECONDS);
        }
    }

    /** The region the engine names in ARNs and change records, and that strict authentication expects. */
    public String region() {
        return region;
    }

    /** The clock every timestamp of the engine comes from. */
    public Clock clock() {
        return clock;
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

    public Map<String, Object> tagResource(TagResource.Request request) {
        return tags.tagResource(request);
    }

    public Map<String, Object> untagResource(TagResource.UntagRequest request) {
        return tags.untagResource(request);
    }

    public TagResource.ListResponse listTagsOfResource(TagResource.ListRequest request) {
        return tags.listTagsOfResource(request);
    }

    public ContinuousBackups.Response describeContinuousBackups(ContinuousBackups.DescribeRequest request) {
        return continuousBackups.describe(request);
    }

    public ContinuousBackups.Response updateContinuousBackups(ContinuousBackups.UpdateRequest request) {
        return continuousBackups.update(request);
    }

    public ExecuteStatement.Response executeStatement(ExecuteStatement.Request request) {
        return partiql.executeStatement(request);
    }

    public BatchExecuteStatement.Response batchExecuteStatement(BatchExecuteStatement.Request request) {
        return partiql.batchExecuteStatement(request);
    }

    public ExecuteTransaction.Response executeTransaction(ExecuteTransaction.Request request) {
        return partiql.executeTransaction(request);
    }

    public ResourcePolicies.Response putResourcePolicy(ResourcePolicies.PutRequest request) {
        return resourcePolicies.put(request);
    }

    public ResourcePolicies.Response getResourcePolicy(ResourcePolicies.GetRequest request) {
        return resourcePolicies.get(request);
    }

    public ResourcePolicies.Response deleteResourcePolicy(ResourcePolicies.DeleteRequest request) {
        return resourcePolicies.delete(request);
    }

    /** DynamoDB's default account and table capacity limits; the engine enforces none of them. */
    public ServiceDescriptions.LimitsResponse describeLimits(ServiceDescriptions.Empty request) {
        return new ServiceDescriptions.LimitsResponse(80_000L, 80_000L, 40_000L, 40_000L);
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

    /** Splits the open partition covering the widest hash range (so splits spread over the table). Administrative. */
    public List<Partition> splitWidestPartition(String tableName) {
        Partition widest = partitions(tableName).stream()
                .filter(Partition::isOpen)
                .max((a, b) -> Long.compareUnsigned(a.hashEnd() - a.hashStart(), b.hashEnd() - b.hashStart()))
                .orElseThrow();
        return splitPartition(tableName, widest.id());
    }

    /** The open partition holding the item with {@code key} (validated against the key schema). Administrative. */
    public Partition partitionHolding(String tableName, Map<String, AttributeValue> key) {
        Table table = catalog.require(tableName);
        KeySchema schema = table.definition().keySchema();
        return table.partitionFor(ItemKeys.hashOf(ItemKeys.of(table.id(), schema, schema.checkKey(key))));
    }

    /**
     * Rolls every open shard of the table's stream over now, each continued by a child, as the
     * periodic rollover does once shards reach their age; how many shards were closed. Administrative.
     */
    public synchronized int rollOverShards(String tableName) {
        return streamMaintenance.rollOverNow(catalog.require(tableName));
    }

    /** Trims the table's stream up to now, as if retention had passed for every record. Administrative. */
    public synchronized void trimStream(String tableName) {
        streamMaintenance.trimNow(catalog.require(tableName));
    }

    /** The shard a shard iterator reads ({@code table/label/shard}), or null for an invalid iterator. Administrative. */
    public String shardOf(String shardIterator) {
        return streams.shardOf(shardIterator);
    }

    public TransactWriteItems.Response transactWriteItems(TransactWriteItems.Request request) {
        return transactions.transactWriteItems(request);
    }

    public TransactGetItems.Response transactGetItems(TransactGetItems.Request request) {
        return transactions.transactGetItems(request);
    }

    public ListStreams.Response listStreams(ListStreams.Request request) {
        return streams.listStreams(request);
    }

    public DescribeStream.Response describeStream(DescribeStream.Request request) {
        return streams.describeStream(request);
    }

    public GetShardIterator.Response getShardIterator(GetShardIterator.Request request) {
        return streams.getShardIterator(request);
    }

    public GetRecords.Response getRecords(GetRecords.Request request) {
        return streams.getRecords(request).decode();
    }

    /**
     * GetRecords with the records left in their stored bytes: what the server writes to the wire
     * without building an object per record.
     */
    public GetRecordsPage getRecordsPage(GetRecords.Request request) {
        return streams.getRecords(request);
    }

    public UpdateTimeToLive.Response updateTimeToLive(UpdateTimeToLive.Request request) {
        return timeToLive.updateTimeToLive(request);
    }

    public DescribeTimeToLive.Response describeTimeToLive(DescribeTimeToLive.Request request) {
        return timeToLive.describeTimeToLive(request);
    }

    /**
     * Runs the periodic work now: shard rollover, retention trimming and one TTL sweep. The engine also
     * runs it every {@link EngineConfig#maintenanceInterval()} (the sweep every
     * {@link EngineConfig#ttlInterval()} when set). Administrative.
     */
    public synchronized void runMaintenance() {
        streamMaintenance.run();
        ttlSweeper.run();
    }

    private synchronized void maintainQuietly() {
        try {
            streamMaintenance.run();
            if (sweepsWithMaintenance) {
                ttlSweeper.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("maintenance (rollover, trimming, TTL) failed; it runs again in {}", maintenanceInterval, e);
        }
    }

    private synchronized void sweepQuietly() {
        try {
            ttlSweeper.run();
        } catch (RuntimeException e) {
            LOG.warn("the TTL sweep failed; it runs again at its next interval", e);
        }
    }

    @Override
    public void close() {
        backfill.close();
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            store.close();
        }
    }
}
