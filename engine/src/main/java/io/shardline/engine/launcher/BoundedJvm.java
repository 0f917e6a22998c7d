package io.shardline.engine.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the server's memory predictable. {@code java -jar} gives a JVM a heap of a quarter of the
 * machine's memory, which a burst of large or hostile requests can grow into; so when the launcher's
 * JVM was started without a heap limit, it runs the server in a child JVM with one ({@code --max-heap},
 * a cap on direct buffers, and exit on OutOfMemoryError), passes the same arguments, forwards
 * SIGTERM, and exits with the child. A child whose parent dies stops at once too, as if killed with
 * it: the child's standard input is a pipe from the launcher, which the system closes the moment the
 * launcher ends, however it ends. A JVM started with {@code -Xmx} (or another heap limit) runs the
 * server itself.
 */
final class BoundedJvm {
    static final String CHILD_PROPERTY = "shardline.bounded-child";
    static final String MAX_DIRECT_MEMORY = "256m";

    private BoundedJvm() {}

    /** Whether this JVM already has a heap limit chosen by whoever started it, or is the bounded child. */
    static boolean isBounded() {
        if (Boolean.getBoolean(CHILD_PROPERTY)) {
            return true;
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg ->
                        arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxHeapSize") || arg.startsWith("-XX:MaxRAM"));
    }

    /** The command that runs the launcher again in a JVM with bounded memory. */
    static List<String> childCommand(String maxHeap, String[] args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-XX:MaxDirectMemorySize=" + MAX_DIRECT_MEMORY,
                "-XX:+ExitOnOutOfMemoryError",
                "-D" + CHILD_PROPERTY + "=true",
                "-cp",
                System.getProperty("java.class.path"),
                EngineLauncher.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the child with this process's standard output and error, and a pipe from this process as
     * its standard input (never written, closed only when this process ends); returns its exit code.
     */
    static int runChild(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            // SIGTERM through the handle: Process.destroy would also close the pipe, and the child
                            // would halt
                            child.toHandle().destroy();
                            try {
                                child.waitFor(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "shardline-stop-child"));
        return child.waitFor();
    }

    /**
     * In the child: halts the moment the launcher's pipe ends, which is when the launcher dies (say, of
     * SIGKILL), so that the port and the data directory are free for the next start at once. Halting
     * loses no acknowledged write: a write is acknowledged once it is in the store's synced log.
     */
    static void haltWithParent() {
        Thread watch = new Thread(
                () -> {
                    try (InputStream launcher = System.in) {
                        launcher.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        // the pipe is broken: the launcher is gone all the same
                    }
                    Runtime.getRuntime().halt(137);
                },
                "shardline-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
