package io.shardline.jobs.index;

import io.shardline.connector.sink.opensearch.DocumentWrite;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives each document write its external version, keyed by document id, with the last version kept
 * in keyed state: {@code max(last + 1, change seconds << 22)}. Versions grow with every change of an
 * item by construction, are the same when a restored job replays, and stay above those of an earlier
 * run once state has expired, because they follow the clock (up to 4,194,304 changes of one item per
 * second). A snapshot item gets {@code handoff seconds << 22}, below every change after the handoff,
 * and is dropped when the item's stream changes got there first: the stream holds every change since
 * the handoff, so it has the item's latest state, or a removal that must not be undone. The job, not
 * OpenSearch's tombstones (kept only for {@code index.gc_deletes}), keeps deletes deleted.
 */
final class DocumentVersioner extends KeyedProcessFunction<String, ItemChange, DocumentWrite> {
    static final int COUNTER_BITS = 22;
    private final Duration retention;
    private transient ValueState<Long> lastVersion;
    private transient Counter snapshotItemsSuperseded;

    DocumentVersioner(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("last-version", Types.LONG);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired).build());
        lastVersion = getRuntimeContext().getState(descriptor);
        snapshotItemsSuperseded = getRuntimeContext().getMetricGroup().addGroup("shardline")
                .counter("snapshotItemsSuperseded");
    }

    @Override
    public void processElement(ItemChange change, Context context, Collector<DocumentWrite> out) throws Exception {
        Long last = lastVersion.value();
        long clockVersion = change.changeSeconds << COUNTER_BITS;
        long version;
        if (change.snapshot) {
            if (last != null) {
                snapshotItemsSuperseded.inc();
                return;
            }
            version = clockVersion;
        } else {
            version = last == null ? clockVersion : Math.max(last + 1, clockVersion);
        }
        lastVersion.update(version);
        out.collect(change.source == null ? DocumentWrite.delete(change.id, version)
                : DocumentWrite.index(change.id, version, change.source));
    }
}
