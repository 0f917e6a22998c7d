package io.shardline.jobs.demo;

/**
 * The rates the demo's {@code --max-rate} probe tries: it doubles the rate while the job keeps up,
 * then halves the gap between the highest rate kept up with and the lowest one not, a fixed number of
 * times, in steps of 100 events/s.
 */
final class RateSearch {
    private static final int GRAIN = 100;
    private final int bisections;
    private int best;
    private int failed;
    private int current;
    private int bisected;

    RateSearch(int start, int bisections) {
        if (start < GRAIN) {
            throw new IllegalArgumentException("the probe starts at " + GRAIN + " events/s or more, not " + start);
        }
        this.current = start;
        this.bisections = bisections;
    }

    /** The rate to try next; 0 once the search is over. */
    int rate() {
        return current;
    }

    /** The highest rate the job kept up with; 0 if none. */
    int best() {
        return best;
    }

    /** Records whether the job kept up with {@link #rate()} and chooses the next rate. */
    void record(boolean keptUp) {
        if (keptUp) {
            best = current;
        } else {
            failed = current;
        }
        if (failed == 0) {
            current *= 2;
            return;
        }
        int middle = (best + failed) / 2 / GRAIN * GRAIN;
        if (bisected == bisections || middle <= best) {
            current = 0;
            return;
        }
        bisected++;
        current = middle;
    }
}
