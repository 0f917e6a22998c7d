package io.shardline.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time a Linux process, or its JIT compiler threads, used so far, from /proc (user plus system, clock ticks of 10 ms). */
final class ProcessCpu {
    private static final double MILLIS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    static double millis(long pid) {
        return millis(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** CPU time of a JVM's JIT compiler threads ("C1 CompilerThread", "C2 CompilerThread"); 0 for other processes. */
    static double compilerMillis(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(ProcessCpu::isCompiler).mapToDouble(thread -> millis(thread.resolve("stat"))).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of process " + pid, e);
        }
    }

    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*");
        } catch (IOException e) {
            return false;
        }
    }

    private static double millis(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time from " + stat, e);
        }
    }
}
