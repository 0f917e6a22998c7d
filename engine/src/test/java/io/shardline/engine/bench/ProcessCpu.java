package io.shardline.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** CPU time a Linux process, or its JIT compiler threads, used so far, from /proc (user plus system, clock ticks of 10 ms). */
final class ProcessCpu {
    private static final double MILLIS_PER_TICK = 10.0;

    private ProcessCpu() {}

    /**
     * CPU time of a process and its running descendants: the launcher runs the server in a child JVM
     * when started without a heap limit, as users start it.
     */
    static double millis(long pid) {
        return tree(pid)
                .mapToDouble(process -> millis(Path.of("/proc", Long.toString(process), "stat")))
                .sum();
    }

    /** CPU time of the JIT compiler threads ("C1 CompilerThread", "C2 CompilerThread") of a process and its descendants. */
    static double compilerMillis(long pid) {
        return tree(pid).mapToDouble(ProcessCpu::ownCompilerMillis).sum();
    }

    private static LongStream tree(long pid) {
        return LongStream.concat(
                LongStream.of(pid),
                ProcessHandle.of(pid).stream()
                        .flatMap(ProcessHandle::descendants)
                        .mapToLong(ProcessHandle::pid));
    }

    private static double ownCompilerMillis(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(ProcessCpu::isCompiler)
                    .mapToDouble(thread -> millis(thread.resolve("stat")))
                    .sum();
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
