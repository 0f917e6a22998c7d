package io.shardline.jobs.demo;

import io.shardline.jobs.game.WindowResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One line per second: events written per second, records read per second by the job, how many
 * written events the job has not read yet, and the last closed tumbling window's top game actions.
 */
final class ConsoleView {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;
    private final LongSupplier written;
    private final LongSupplier read;
    private final Supplier<List<WindowResult>> metrics;
    private final Duration window;
    private long lastWritten;
    private long lastRead;
    private long lastNanos = System.nanoTime();
    /** Flink refreshes the read count about once a second: the rate is measured between its changes. */
    private long lastReadChangeNanos = lastNanos;

    private double readRate;

    ConsoleView(
            PrintStream out,
            LongSupplier written,
            LongSupplier read,
            Supplier<List<WindowResult>> metrics,
            Duration window) {
        this.out = out;
        this.written = written;
        this.read = read;
        this.metrics = metrics;
        this.window = window;
        this.lastWritten = written.getAsLong();
    }

    /** Prints the line for the time since the last one (about a second). */
    void tick() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        long writtenNow = written.getAsLong();
        long readNow = Math.max(lastRead, read.getAsLong());
        if (readNow != lastRead) {
            readRate = (readNow - lastRead) / Math.max(1e-3, (now - lastReadChangeNanos) / 1e9);
            lastReadChangeNanos = now;
        } else if (now - lastReadChangeNanos > 3_000_000_000L) {
            readRate = 0;
        }
        out.printf(
                "%s  writes %6.0f/s  read %6.0f/s  behind %6d  %s%n",
                LocalTime.now().format(CLOCK),
                (writtenNow - lastWritten) / seconds,
                readRate,
                Math.max(0, writtenNow - readNow),
                lastWindow());
        lastNanos = now;
        out.flush();
        lastWritten = writtenNow;
        lastRead = readNow;
    }

    private String lastWindow() {
        List<WindowResult> tumbling = metrics.get().stream()
                .filter(r -> r.windowEnd - r.windowStart == window.toMillis())
                .toList();
        long latest = tumbling.stream().mapToLong(r -> r.windowStart).max().orElse(-1);
        if (latest < 0) {
            return "no window closed yet";
        }
        return "window " + Instant.ofEpochMilli(latest)
                + " top actions: "
                + tumbling.stream()
                        .filter(r -> r.windowStart == latest)
                        .sorted(Comparator.comparingLong((WindowResult r) -> -r.count)
                                .thenComparing(r -> r.gameAction))
                        .limit(3)
                        .map(r -> r.gameAction + " " + r.count)
                        .collect(Collectors.joining(", "));
    }
}
