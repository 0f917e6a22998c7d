package io.shardline.engine.item;

import io.shardline.engine.api.ItemPage;
import io.shardline.engine.storage.Cursor;
import io.shardline.engine.storage.Store;
import io.shardline.items.AttributeValue;
import io.shardline.items.ItemSize;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.ConditionEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one page of a key range of a table or an index from a consistent snapshot, as Query and
 * Scan do: it stops at the Limit or once 1 MB of items was read, and then names the last item read
 * as LastEvaluatedKey if the range holds more. A filter applies after reading, so Count (matched)
 * and ScannedCount (read) differ as in DynamoDB.
 */
final class RangeReader {
    static final long PAGE_BYTES = 1024 * 1024;

    private final Store store;

    RangeReader(Store store) {
        this.store = store;
    }

    /** Reads a page of {@code source}; {@code filter} (may be null) picks the items returned from those read. */
    ItemPage read(
            ReadSource source,
            KeyRange range,
            boolean forward,
            int limit,
            Projection projection,
            BooleanExpression filter) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        int matched = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        try (Cursor it = store.cursor(source.family())) {
            if (forward) {
                it.seek(range.lower());
            } else {
                it.seekForPrev(range.upper());
                if (it.isValid() && !range.contains(it.key())) {
                    it.prev();
                }
            }
            for (; it.isValid() && range.contains(it.key()); step(it, forward)) {
                if (scanned == limit || bytes >= PAGE_BYTES) {
                    return page(items, matched, scanned, projection, source.keyOf(last));
                }
                last = source.item(it.value());
                scanned++;
                bytes += ItemSize.of(last);
                if (filter == null || ConditionEvaluator.matches(filter, last)) {
                    matched++;
                    if (!projection.countOnly()) {
                        items.add(projection.apply(last));
                    }
                }
            }
        }
        return page(items, matched, scanned, projection, null);
    }

    private static void step(Cursor it, boolean forward) {
        if (forward) {
            it.next();
        } else {
            it.prev();
        }
    }

    private static ItemPage page(
            List<Map<String, AttributeValue>> items,
            int matched,
            int scanned,
            Projection projection,
            Map<String, AttributeValue> lastEvaluatedKey) {
        return new ItemPage(projection.countOnly() ? null : items, matched, scanned, lastEvaluatedKey);
    }
}
