package io.shardline.engine.testing;

import io.shardline.engine.launcher.EngineLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's launcher in a process of its own, as users run it, on a port the system picks:
 * for tests in which the engine must be another process (killed, restarted, written by another JVM).
 */
public final class EngineProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");
    /** Lines of the process's output kept for error messages. */
    private static final int KEPT_LINES = 40;
    private final Process process;
    private final String endpoint;
    private final Deque<String> output;

    private EngineProcess(Process process, String endpoint, Deque<String> output) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
    }

    /** Starts a durable engine keeping its data in {@code dataDir}, with the launcher's further {@code options}. */
    public static EngineProcess start(Path dataDir, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), EngineLauncher.class.getName(),
                "--data-dir", dataDir.toString(), "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Deque<String> output = new ConcurrentLinkedDeque<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.addLast(line);
                    if (output.size() > KEPT_LINES) {
                        output.pollFirst();
                    }
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        endpoint.complete(listening.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IllegalStateException("the engine process ended before it listened"));
        }, "engine-process-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new EngineProcess(process, endpoint.get(60, TimeUnit.SECONDS), output);
        } catch (InterruptedException | java.util.concurrent.ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The engine process did not start listening: " + e.getMessage() + "\n"
                    + String.join("\n", output), e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** Whether the process still runs, and its latest output lines, for assertion messages. */
    public String status() {
        return (process.isAlive() ? "running" : "ended with " + process.exitValue()) + "; output:\n"
                + String.join("\n", output);
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the process (SIGTERM) and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
