package io.shardline.jobs.flink;

import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * A line of a job's plan (its handoff time, the targets it created, where it resumes from): printed
 * on the job's console and logged at INFO under the job's class, so that a job submitted to a
 * cluster, whose console nobody watches, has its plan in the log.
 */
public final class PlanLine {
    private PlanLine() {}

    /** Prints {@code line} to {@code out} and logs it under {@code job}'s logger. */
    public static void print(PrintStream out, Class<?> job, String line) {
        out.println(line);
        LoggerFactory.getLogger(job).info(line);
    }
}
