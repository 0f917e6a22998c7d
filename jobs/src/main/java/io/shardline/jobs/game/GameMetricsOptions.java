package io.shardline.jobs.game;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.StreamPolling;
import io.shardline.jobs.cli.TableConnection;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The aggregation job's settings, as command-line options. */
public final class GameMetricsOptions {
    @Mixin
    public TableConnection connection = new TableConnection();

    @Mixin
    public StreamPolling polling = new StreamPolling();

    @Option(
            names = "--events-table",
            description = "Table of game events to read (default: ${DEFAULT-VALUE})",
            defaultValue = "GameEvents")
    public String eventsTable;

    @Option(
            names = "--metrics-table",
            description = "Table the window metrics go to (default: ${DEFAULT-VALUE})",
            defaultValue = "GameMetrics")
    public String metricsTable;

    @Option(
            names = "--late-table",
            description = "Table events too late for their windows go to " + "(default: ${DEFAULT-VALUE})",
            defaultValue = "GameLateEvents")
    public String lateTable;

    @Option(
            names = "--window",
            converter = DurationConverter.class,
            description = "Tumbling window size " + "(default: ${DEFAULT-VALUE})",
            defaultValue = "1m")
    public Duration window;

    @Option(
            names = "--sliding-window",
            converter = DurationConverter.class,
            description = "Sliding window size " + "(default: ${DEFAULT-VALUE})",
            defaultValue = "5m")
    public Duration slidingWindow;

    @Option(
            names = "--slide",
            converter = DurationConverter.class,
            description = "Sliding window step " + "(default: ${DEFAULT-VALUE})",
            defaultValue = "1m")
    public Duration slide;

    @Option(
            names = "--out-of-orderness",
            converter = DurationConverter.class,
            description = "How far events may "
                    + "arrive out of order before the watermark passes them (default: ${DEFAULT-VALUE})",
            defaultValue = "5s")
    public Duration outOfOrderness;

    @Option(
            names = "--allowed-lateness",
            converter = DurationConverter.class,
            description = "How long after the "
                    + "watermark a late event still updates its window (default: ${DEFAULT-VALUE})",
            defaultValue = "30s")
    public Duration allowedLateness;

    @Option(
            names = "--idleness",
            converter = DurationConverter.class,
            description = "After how long without "
                    + "events a shard stops holding back the watermark; 0 never. Only for tables with shards that get no "
                    + "writes: while a backlog is read, a shard waiting its turn can count as idle and its events then "
                    + "arrive late (default: ${DEFAULT-VALUE})",
            defaultValue = "0s")
    public Duration idleness;

    @Option(
            names = "--top",
            description = "How many top players each window lists (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    public int topPlayers;

    @Option(names = "--parallelism", description = "Job parallelism (default: ${DEFAULT-VALUE})", defaultValue = "2")
    public int parallelism;

    @Option(
            names = "--checkpoint-interval",
            converter = DurationConverter.class,
            description = "Checkpoint " + "interval (default: ${DEFAULT-VALUE})",
            defaultValue = "10s")
    public Duration checkpointInterval;
}
