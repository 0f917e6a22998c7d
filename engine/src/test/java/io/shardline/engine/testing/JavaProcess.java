package io.shardline.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own started from a main class, its output (stdout and stderr together) kept in full so
 * tests can wait for a line and show the output when something fails.
 */
public final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    /** Whether the process's output has ended (guarded by {@code lines}). */
    private boolean outputEnded;

    private JavaProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread drain = new Thread(this::drain, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts {@code mainClass} with {@code classpath}, the JVM options and the program arguments. */
    public static JavaProcess start(
            String name,
            String classpath,
            List<String> jvmOptions,
            Map<String, String> environment,
            String mainClass,
            List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new JavaProcess(name, builder.start());
    }

    /**
     * Starts {@code java -jar jar} as users do, in {@code workingDirectory}, with the JVM options and the
     * program arguments.
     */
    public static JavaProcess startJar(
            String name, Path jar, Path workingDirectory, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(arguments);
        return new JavaProcess(
                name,
                new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true)
                        .start());
    }

    private void drain() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(output lost: " + e + ")");
            }
        } finally {
            synchronized (lines) {
                outputEnded = true;
                lines.notifyAll();
            }
        }
    }

    /**
     * The first group of the first output line {@code pattern} finds, waiting up to {@code timeout} for
     * it; fails with the output when the line does not come or the process ends first.
     */
    public String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        return awaitLineFrom(0, pattern, timeout);
    }

    /** How many lines the process has printed so far. */
    public int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** As {@link #awaitLine}, among the lines from line number {@code from} (0-based) on. */
    public String awaitLineFrom(int from, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = from;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Matcher matcher = pattern.matcher(lines.get(seen));
                    if (matcher.find()) {
                        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || outputEnded) {
                    throw new IllegalStateException(name + ": no line matching " + pattern + " within " + timeout
                            + (process.isAlive() ? "" : " (the process ended)") + "; output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Waits up to {@code timeout} for the process to end; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not end within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Whether the process still runs, and its last {@code lines} lines of output, for failure messages. */
    public String status(int lines) {
        String[] all = output().split("\n");
        return (process.isAlive() ? "running" : "ended with " + process.exitValue()) + "; output:\n"
                + String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    /** Sends the process a signal by name, such as {@code INT} (Ctrl-C) or {@code TERM}. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process with SIGKILL, as a crashed machine or the kernel's OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The process id, for reading its CPU time from /proc. */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
