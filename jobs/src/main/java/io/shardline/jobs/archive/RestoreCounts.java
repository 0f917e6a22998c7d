package io.shardline.jobs.archive;

import io.shardline.jobs.flink.EndedTaskCounters;
import java.time.Duration;

/**
 * What a finished restore did, from its operators' final counters: items considered (the latest
 * archived copy of each), left out by the filter, restored, skipped because the table holds the
 * item again, and failed (refused by the table as invalid).
 */
record RestoreCounts(long considered, long filteredOut, long restored, long skipped, long failed) {
    /** The counts of the finished job {@code job}. */
    static RestoreCounts of(String job, Duration wait) throws InterruptedException {
        try {
            return new RestoreCounts(
                    EndedTaskCounters.total(job, "itemsConsidered", wait),
                    EndedTaskCounters.total(job, "itemsFilteredOut", wait),
                    EndedTaskCounters.total(job, "writesApplied", wait),
                    EndedTaskCounters.total(job, "staleWritesSkipped", wait),
                    EndedTaskCounters.total(job, "writesRefused", wait));
        } finally {
            EndedTaskCounters.forget(job);
        }
    }

    String summary(String table) {
        if (restored < 0) {
            return "Restore into table " + table + " finished; its counts are in the job's metrics (writesApplied, "
                    + "staleWritesSkipped, writesRefused): this cluster does not report ended tasks' counters here";
        }
        return String.format(
                "Restored %,d items into table %s; skipped %,d (the table holds them again); failed %,d "
                        + "(refused by the table, named in the log); %,d archived items considered, %,d left out by the "
                        + "filter",
                restored, table, skipped, failed, considered, filteredOut);
    }
}
