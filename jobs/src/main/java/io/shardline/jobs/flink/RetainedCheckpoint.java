package io.shardline.jobs.flink;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A checkpoint or savepoint a job left in its state directory, which a new run can resume from.
 *
 * @param directory what Flink restores from (the directory holding {@code _metadata})
 * @param name      what the console calls it: {@code checkpoint 41} or {@code savepoint savepoint-1a2b3c-...}
 * @param taken     when it was completed
 */
public record RetainedCheckpoint(Path directory, String name, Instant taken) {
    /** The line a resuming run prints. */
    String describe() {
        return name + " taken " + taken.truncatedTo(ChronoUnit.SECONDS);
    }
}
