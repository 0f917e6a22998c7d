package io.shardline.engine.testing;

import io.shardline.engine.launcher.EngineLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The engine's launcher in a process of its own, as users run it, on a port the system picks:
 * for tests in which the engine must be another process (killed, restarted, written by another JVM).
 */
public final class EngineProcess implements AutoCloseable {
    /** The launcher's line naming the endpoint it listens on (the endpoint is the first group). */
    public static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");
    /** Lines of the process's output shown in failure messages. */
    private static final int SHOWN_LINES = 40;

    private final JavaProcess process;
    private final String endpoint;

    private EngineProcess(JavaProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a durable engine keeping its data in {@code dataDir}, with the launcher's further {@code options}. */
    public static EngineProcess start(Path dataDir, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--port", "0"));
        arguments.addAll(List.of(options));
        JavaProcess process = JavaProcess.start(
                "engine",
                System.getProperty("java.class.path"),
                List.of("-Xmx256m"),
                Map.of(),
                EngineLauncher.class.getName(),
                arguments);
        try {
            return new EngineProcess(process, process.awaitLine(LISTENING, Duration.ofSeconds(60)));
        } catch (IllegalStateException e) {
            killQuietly(process);
            throw new IllegalStateException("The engine process did not start listening: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killQuietly(process);
            throw new IllegalStateException("Interrupted while the engine process started", e);
        }
    }

    private static void killQuietly(JavaProcess process) {
        try {
            process.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** Everything the process printed so far. */
    public String output() {
        return process.output();
    }

    /** Whether the process still runs, and its latest output lines, for assertion messages. */
    public String status() {
        return process.status(SHOWN_LINES);
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** Stops the process (SIGTERM) and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
