package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Keeps the stream's REMOVE records that Time to Live made (and user deletes, when asked), counting
 * records seen ({@code recordsSeen}) and kept ({@code removalsArchived}) under the operator's
 * {@code shardline} group.
 */
final class RemovalsToArchive extends RichFilterFunction<ChangeRecord> {
    private final boolean userDeletes;
    private transient Counter seen;
    private transient Counter archived;

    RemovalsToArchive(boolean userDeletes) {
        this.userDeletes = userDeletes;
    }

    @Override
    public void open(OpenContext context) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("shardline");
        seen = metrics.counter("recordsSeen");
        archived = metrics.counter("removalsArchived");
    }

    @Override
    public boolean filter(ChangeRecord record) {
        seen.inc();
        boolean keep = "REMOVE".equals(record.eventName()) && (userDeletes || record.deletedByTtl());
        if (keep) {
            archived.inc();
        }
        return keep;
    }
}
