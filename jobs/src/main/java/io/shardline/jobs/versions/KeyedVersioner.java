package io.shardline.jobs.versions;

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
 * Gives each change its version, keyed by the change's key, with the last version kept in keyed
 * state: {@code max(last + 1, change seconds << 22)}. Versions grow with every change of an item by
 * construction, are the same when a restored job replays, and stay above those of an earlier run
 * once state has expired, because they follow the clock (up to 4,194,304 changes of one item per
 * second). A snapshot item gets {@code (handoff seconds << 22) - 1}, below every change in or after the
 * handoff's second, and is dropped when the item's stream changes got there first: the stream holds every change since
 * the handoff, so it has the item's latest state, or a removal that must not be undone. The job, not
 * the sink (an index's tombstones live only for {@code index.gc_deletes}, a deleted item keeps no
 * version), keeps deletes deleted. Expired versions are cleaned up one entry per state access on heap
 * state (at least as fast as keys are added) and by RocksDB's compaction filter on RocksDB state.
 */
public final class KeyedVersioner extends KeyedProcessFunction<String, KeyedChange, KeyedChange> {
    /** Bits of a version below the change's second. */
    public static final int COUNTER_BITS = 22;

    private final Duration retention;
    private transient ValueState<Long> lastVersion;
    private transient Counter snapshotItemsSuperseded;

    /** Remembers each key's last version for {@code retention} after its last change. */
    public KeyedVersioner(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("last-version", Types.LONG);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupIncrementally(1, false)
                .build());
        lastVersion = getRuntimeContext().getState(descriptor);
        snapshotItemsSuperseded =
                getRuntimeContext().getMetricGroup().addGroup("shardline").counter("snapshotItemsSuperseded");
    }

    /**
     * The version of a snapshot item whose handoff is at {@code handoffSeconds}: just below every change
     * in or after the handoff's second, so that the changes after it get the same versions whether the
     * item came before them or not (a job restarted without a checkpoint sees them in another order).
     */
    public static long snapshotVersion(long handoffSeconds) {
        return (handoffSeconds << COUNTER_BITS) - 1;
    }

    /** The second of the handoff whose snapshot items have {@code snapshotVersion}. */
    public static long handoffSecondsOf(long snapshotVersion) {
        return (snapshotVersion + 1) >> COUNTER_BITS;
    }

    @Override
    public void processElement(KeyedChange change, Context context, Collector<KeyedChange> out) throws Exception {
        Long last = lastVersion.value();
        long seconds = change.changeMillis / 1000;
        if (change.snapshot && last != null) {
            snapshotItemsSuperseded.inc();
            return;
        }
        long version = change.snapshot
                ? snapshotVersion(seconds)
                : last == null ? seconds << COUNTER_BITS : Math.max(last + 1, seconds << COUNTER_BITS);
        lastVersion.update(version);
        change.version = version;
        out.collect(change);
    }
}
