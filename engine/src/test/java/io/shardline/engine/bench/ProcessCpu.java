package io.shardline.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a Linux process has used so far, from /proc (user plus system, clock ticks of 10 ms). */
final class ProcessCpu {
    private static final double MILLIS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time of process " + pid, e);
        }
    }
}
