package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Keeps the stream's REMOVE records that Time to Live made (and user deletes, when asked) and that the
 * archive does not hold yet ({@link ArchivedPositions}), counting records seen ({@code recordsSeen}),
 * kept ({@code removalsArchived}) and passed over as archived already ({@code removalsAlreadyArchived})
 * under the operator's {@code shardline} group.
 */
final class RemovalsToArchive extends RichFilterFunction<ChangeRecord> {
    private final boolean userDeletes;
    private final ArchivedPositions archivedAlready;
    private transient Counter seen;
    private transient Counter archived;
    private transient Counter skipped;

    RemovalsToArchive(boolean userDeletes, ArchivedPositions archivedAlready) {
        this.userDeletes = userDeletes;
        this.archivedAlready = archivedAlready;
    }

    @Override
    public void open(OpenContext context) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("shardline");
        seen = metrics.counter("recordsSeen");
        archived = metrics.counter("removalsArchived");
        skipped = metrics.counter("removalsAlreadyArchived");
    }

    @Override
    public boolean filter(ChangeRecord record) {
        seen.inc();
        if (!"REMOVE".equals(record.eventName()) || !userDeletes && !record.deletedByTtl()) {
            return false;
        }
        if (archivedAlready.holds(record)) {
            skipped.inc();
            return false;
        }
        archived.inc();
        return true;
    }
}
