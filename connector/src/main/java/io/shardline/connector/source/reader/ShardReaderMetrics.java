package io.shardline.connector.source.reader;

import io.shardline.connector.source.enumerator.StreamSelector;
import io.shardline.connector.source.split.ShardSplit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Metrics of one reader, under its operator's metric group in the {@code shardline} subgroup:
 * GetRecords calls and their latency, empty polls, iterator renewals, trimmed gaps skipped, and how
 * far behind the newest record read the reader is; and per shard, in subgroups
 * {@code table.<name>.shard.<shardId>}: records and bytes read and milliseconds behind latest.
 */
@Internal
public final class ShardReaderMetrics {
    private final Counter getRecordsCalls;
    private final Counter emptyPolls;
    private final Counter iteratorRenewals;
    private final Counter trimmedGaps;
    private final Counter readsThrottled;
    private final Counter bytesRead;
    private volatile long lastGetRecordsMillis;
    private volatile long millisBehindLatest;

    private final MetricGroup group;
    private final Map<String, SplitMetrics> splits = new ConcurrentHashMap<>();

    public ShardReaderMetrics(MetricGroup operatorGroup) {
        group = operatorGroup.addGroup("shardline");
        getRecordsCalls = group.counter("getRecordsCalls");
        emptyPolls = group.counter("emptyPolls");
        iteratorRenewals = group.counter("iteratorRenewals");
        trimmedGaps = group.counter("trimmedGapsSkipped");
        readsThrottled = group.counter("readsThrottled");
        bytesRead = group.counter("bytesRead");
        group.gauge("getRecordsLatencyMillis", () -> lastGetRecordsMillis);
        group.gauge("millisBehindLatest", () -> millisBehindLatest);
    }

    void getRecords(long latencyMillis, int records, long bytes) {
        getRecordsCalls.inc();
        lastGetRecordsMillis = latencyMillis;
        bytesRead.inc(bytes);
        if (records == 0) {
            emptyPolls.inc();
        }
    }

    void iteratorRenewed() {
        iteratorRenewals.inc();
    }

    /** A read the stream still throttled after the client's retries; the shard is read again after an idle pause. */
    void readThrottled() {
        readsThrottled.inc();
    }

    void trimmedGapSkipped() {
        trimmedGaps.inc();
    }

    /** How old the newest record read is; 0 once a poll finds nothing new. */
    void behindLatest(long millis) {
        millisBehindLatest = Math.max(0, millis);
    }

    public long trimmedGapsSkipped() {
        return trimmedGaps.getCount();
    }

    public long iteratorRenewals() {
        return iteratorRenewals.getCount();
    }

    public long emptyPolls() {
        return emptyPolls.getCount();
    }

    public long millisBehindLatest() {
        return millisBehindLatest;
    }

    /** The metrics of one shard, registered at its first assignment to this reader. */
    SplitMetrics forSplit(ShardSplit split) {
        return splits.computeIfAbsent(
                split.splitId(),
                id -> new SplitMetrics(group.addGroup("table", StreamSelector.tableOf(split.streamArn()))
                        .addGroup("shard", split.shardId())));
    }

    /** Records and bytes read from one shard, and how old its newest record read is (0 when caught up). */
    public static final class SplitMetrics {
        private final Counter records;
        private final Counter bytes;
        private volatile long millisBehindLatest;

        private SplitMetrics(MetricGroup shard) {
            records = shard.counter("recordsRead");
            bytes = shard.counter("bytesRead");
            shard.gauge("millisBehindLatest", () -> millisBehindLatest);
        }

        void read(int count, long size) {
            records.inc(count);
            bytes.inc(size);
        }

        void behindLatest(long millis) {
            millisBehindLatest = Math.max(0, millis);
        }

        public long recordsRead() {
            return records.getCount();
        }
    }
}
