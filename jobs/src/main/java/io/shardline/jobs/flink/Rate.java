package io.shardline.jobs.flink;

/**
 * The per-second rate of a job's counter between two progress ticks. A counter read lower than at the
 * previous tick was started again from zero (the job restarted from a checkpoint), so the rate counts
 * from zero then: rates are never negative.
 */
public final class Rate {
    private long lastCount;
    private long lastMillis;

    /** A rate whose counter is zero at {@code startMillis}. */
    public Rate(long startMillis) {
        this.lastMillis = startMillis;
    }

    /** The rate since the previous reading, given the counter's value {@code count} at {@code nowMillis}. */
    public double perSecond(long count, long nowMillis) {
        long increase = count >= lastCount ? count - lastCount : count;
        double rate = increase * 1000.0 / Math.max(1, nowMillis - lastMillis);
        lastCount = count;
        lastMillis = nowMillis;
        return rate;
    }
}
