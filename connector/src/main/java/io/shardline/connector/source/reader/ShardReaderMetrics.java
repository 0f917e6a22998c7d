package io.shardline.connector.source.reader;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Metrics of one reader, under its operator's metric group in the {@code shardline} subgroup:
 * GetRecords calls and their latency, empty polls, iterator renewals, trimmed gaps skipped, and how
 * far behind the newest record read the reader is.
 */
public final class ShardReaderMetrics {
    private final Counter getRecordsCalls;
    private final Counter emptyPolls;
    private final Counter iteratorRenewals;
    private final Counter trimmedGaps;
    private final Counter bytesRead;
    private volatile long lastGetRecordsMillis;
    private volatile long millisBehindLatest;

    public ShardReaderMetrics(MetricGroup operatorGroup) {
        MetricGroup group = operatorGroup.addGroup("shardline");
        getRecordsCalls = group.counter("getRecordsCalls");
        emptyPolls = group.counter("emptyPolls");
        iteratorRenewals = group.counter("iteratorRenewals");
        trimmedGaps = group.counter("trimmedGapsSkipped");
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
}
