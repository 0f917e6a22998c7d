package io.shardline.engine.bench;

import java.util.Arrays;

/** Operation latencies of one run, for throughput and percentiles. */
final class LatencyRecorder {
    private long[] nanos = new long[1 << 16];
    private int count;

    synchronized void addAll(long[] more, int moreCount) {
        while (count + moreCount > nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        System.arraycopy(more, 0, nanos, count, moreCount);
        count += moreCount;
    }

    int count() {
        return count;
    }

    /** The latency below which {@code fraction} of operations completed, in milliseconds. */
    double percentileMillis(double fraction) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }
}
