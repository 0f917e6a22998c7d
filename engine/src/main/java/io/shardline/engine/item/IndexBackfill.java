package io.shardline.engine.item;

import io.shardline.engine.index.SecondaryIndex;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Cursor;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a global index created on an existing table: walks the table's items in key order, a chunk
 * at a time, adding each under its item lock, then marks the index ACTIVE. Writes maintain the index
 * from its creation on, so the backfill and writes meet without loss. Progress is not stored: after
 * a restart the engine backfills every index still CREATING from the start, which is harmless
 * because an entry already present is left alone.
 */
public final class IndexBackfill implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBackfill.class);
    static final int CHUNK = 500;

    private final Store store;
    private final TableCatalog catalog;
    private final ItemWriter writer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shardline-index-backfill");
        thread.setDaemon(true);
        return thread;
    });

    public IndexBackfill(Store store, TableCatalog catalog, ItemWriter writer) {
        this.store = store;
        this.catalog = catalog;
        this.writer = writer;
    }

    /** Starts backfilling every CREATING index of every table (after a restart). */
    public void resumeAll() {
        for (Table table : catalog.all()) {
            if (table.definition().indexes().stream().anyMatch(i -> !i.isActive())) {
                start(table);
            }
        }
    }

    /** Backfills the table's CREATING indexes in the background. */
    public void start(Table table) {
        executor.execute(() -> {
            try {
                fillAll(table);
            } catch (RuntimeException e) {
                LOG.error(
                        "backfill of the indexes of {} failed; it starts again when the engine reopens",
                        table.definition().name(),
                        e);
            }
        });
    }

    private void fillAll(Table table) {
        for (SecondaryIndex index : table.definition().indexes()) {
            if (!index.isActive() && fill(table, index.id())) {
                activate(table, index.id());
            }
        }
    }

    /** Adds every item of the table to the index; false when the table, the index or the engine went away. */
    private boolean fill(Table table, long indexId) {
        byte[] from = ItemKeys.tableStart(table.id());
        byte[] end = ItemKeys.tableStart(table.id() + 1);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            List<byte[]> keys = new ArrayList<>();
            try (Cursor it = store.cursor(Family.ITEMS)) {
                for (it.seek(from);
                        it.isValid() && Arrays.compareUnsigned(it.key(), end) < 0 && keys.size() < CHUNK;
                        it.next()) {
                    keys.add(it.key());
                }
            }
            if (keys.isEmpty()) {
                return true;
            }
            if (!writer.backfill(table, indexId, keys)) {
                return false;
            }
            byte[] last = keys.get(keys.size() - 1);
            from = Arrays.copyOf(last, last.length + 1);
        }
    }

    private void activate(Table table, long indexId) {
        table.whileNoWrites(() -> {
            TableDefinition current = table.definition();
            current.indexes().stream()
                    .filter(i -> i.id() == indexId)
                    .findFirst()
                    .ifPresent(index -> {
                        if (!table.isDeleted()) {
                            try (Batch batch = store.batch()) {
                                catalog.redefine(
                                        table, current.withIndex(index.withStatus(SecondaryIndex.ACTIVE)), batch);
                            }
                        }
                    });
            return null;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
