package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.jobs.selection.ItemSelection;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns each item's latest archived removal into the item to put back: only items the filter
 * selects, with the Time to Live attribute removed or set to a new expiry. Counts the items
 * considered ({@code itemsConsidered}) and those the filter left out ({@code itemsFilteredOut}).
 */
final class ItemsToRestore extends RichFlatMapFunction<ChangeRecord, ChangeRecord> {
    private final ItemSelection selection;
    private final String ttlAttribute;
    /** The new expiry (epoch seconds) of restored items, or 0 to remove the Time to Live attribute. */
    private final long expiresAtSeconds;

    private transient Counter considered;
    private transient Counter filteredOut;

    /**
     * @param ttlAttribute     the target table's Time to Live attribute, or null when it has none
     * @param expiresAtSeconds the restored items' new expiry, or 0 to remove the attribute
     */
    ItemsToRestore(ItemSelection selection, String ttlAttribute, long expiresAtSeconds) {
        this.selection = selection;
        this.ttlAttribute = ttlAttribute;
        this.expiresAtSeconds = expiresAtSeconds;
    }

    @Override
    public void open(OpenContext context) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("shardline");
        considered = metrics.counter("itemsConsidered");
        filteredOut = metrics.counter("itemsFilteredOut");
    }

    @Override
    public void flatMap(ChangeRecord removal, Collector<ChangeRecord> out) {
        considered.inc();
        if (selection.select(removal.oldImage()) == null) {
            filteredOut.inc();
            return;
        }
        out.collect(withItem(removal, restored(removal.oldImage())));
    }

    Map<String, AttributeValue> restored(Map<String, AttributeValue> archived) {
        if (ttlAttribute == null) {
            return archived;
        }
        Map<String, AttributeValue> item = new HashMap<>(archived);
        if (expiresAtSeconds == 0) {
            item.remove(ttlAttribute);
        } else {
            item.put(ttlAttribute, AttributeValue.fromN(Long.toString(expiresAtSeconds)));
        }
        return item;
    }

    private static ChangeRecord withItem(ChangeRecord r, Map<String, AttributeValue> item) {
        return new ChangeRecord(
                r.eventId(),
                r.eventName(),
                r.eventVersion(),
                r.eventSource(),
                r.awsRegion(),
                r.keys(),
                item,
                r.newImage(),
                r.sequenceNumber(),
                r.sizeBytes(),
                r.approximateCreationTimeMillis(),
                r.viewType(),
                r.shardId(),
                r.userIdentity());
    }
}
