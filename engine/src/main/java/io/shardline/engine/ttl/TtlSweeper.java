package io.shardline.engine.ttl;

import io.shardline.engine.item.ItemWriter;
import io.shardline.engine.storage.Cursor;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.items.AttributeValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes items whose TTL attribute (a number of epoch seconds) lies in the past, in bounded batches:
 * each run examines at most {@code batchSize} items per table, continuing where the last run stopped.
 * Each delete re-checks expiry under the item's lock and appends a REMOVE change record marked as
 * made by the DynamoDB service.
 */
public final class TtlSweeper {
    private final Store store;
    private final TableCatalog catalog;
    private final ItemWriter writer;
    private final int batchSize;
    private final Clock clock;
    private final Map<Long, byte[]> cursors = new ConcurrentHashMap<>();

    public TtlSweeper(Store store, TableCatalog catalog, ItemWriter writer, int batchSize, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.writer = writer;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** One bounded pass over every table with TTL enabled; returns how many items expired. */
    public int run() {
        int expired = 0;
        for (Table table : catalog.all()) {
            String attribute = table.definition().ttlAttribute();
            if (attribute != null) {
                expired += sweep(table, attribute);
            }
        }
        return expired;
    }

    private int sweep(Table table, String attribute) {
        long nowSeconds = clock.millis() / 1000;
        byte[] tableEnd = ItemKeys.tableStart(table.id() + 1);
        byte[] start = cursors.getOrDefault(table.id(), ItemKeys.tableStart(table.id()));
        int examined = 0;
        int expired = 0;
        byte[] next = null;
        try (Cursor it = store.cursor(Family.ITEMS)) {
            for (it.seek(start); it.isValid() && Arrays.compareUnsigned(it.key(), tableEnd) < 0; it.next()) {
                if (examined == batchSize) {
                    next = it.key();
                    break;
                }
                examined++;
                Map<String, AttributeValue> item = ItemCodec.decode(it.value());
                if (isExpired(item, attribute, nowSeconds)) {
                    Map<String, AttributeValue> key =
                            table.definition().keySchema().keyOf(item);
                    boolean deleted = writer.write(
                                    table,
                                    key,
                                    current -> current != null && isExpired(current, attribute, nowSeconds)
                                            ? null
                                            : current,
                                    ItemWriter.Cause.TTL_EXPIRY)
                            .changed();
                    expired += deleted ? 1 : 0;
                }
            }
        }
        if (next == null) {
            cursors.remove(table.id());
        } else {
            cursors.put(table.id(), next);
        }
        return expired;
    }

    static boolean isExpired(Map<String, AttributeValue> item, String attribute, long nowSeconds) {
        return item.get(attribute) instanceof AttributeValue.N n
                && n.value().value().compareTo(BigDecimal.valueOf(nowSeconds)) < 0;
    }
}
