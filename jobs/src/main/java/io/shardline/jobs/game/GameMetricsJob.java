package io.shardline.jobs.game;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.sink.ShardlineTableSink;
import io.shardline.connector.sink.ShardlineTableSinkBuilder.TableWriteMapping;
import io.shardline.connector.sink.TableWrite;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.jobs.flink.CommandLineJob;
import io.shardline.jobs.flink.LocalWebOptions;
import io.shardline.jobs.flink.PlanLine;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.flink.StateOptions;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Reads game events from the {@code GameEvents} table's stream (never querying the table), and writes
 * per game and action, for event-time tumbling and sliding windows: event count, score sum, distinct
 * players and top players into {@code GameMetrics}. Watermarks allow a bounded disorder; late events
 * within the allowed lateness update their windows, later ones go to {@code GameLateEvents}. Runs on
 * a local Flink cluster with its state in a state directory (resumed when started again), or on a
 * Flink cluster when submitted as a jar.
 */
@Command(
        name = "game-metrics",
        mixinStandardHelpOptions = true,
        description = "Aggregates game events from a table's change stream into windowed metrics.")
public final class GameMetricsJob implements Callable<Integer>, CommandLineJob.Durable {
    /** Events too late for every window they belong to. */
    static final OutputTag<GameEvent> TOO_LATE = new OutputTag<>("too-late", TypeInformation.of(GameEvent.class));

    @Mixin
    GameMetricsOptions options = new GameMetricsOptions();

    @Mixin
    LocalWebOptions web = new LocalWebOptions();

    @Mixin
    StateOptions state = new StateOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new GameMetricsJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return CommandLineJob.run(web, state, "game-metrics", options.eventsTable, this);
    }

    @Override
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("--endpoint", options.connection.endpoint);
        identity.put("--events-table", options.eventsTable);
        identity.put("--metrics-table", options.metricsTable);
        identity.put("--late-table", options.lateTable);
        identity.put("--window", options.window.toString());
        identity.put("--sliding-window", options.slidingWindow.toString());
        identity.put("--slide", options.slide.toString());
        identity.put("--top", Integer.toString(options.topPlayers));
        return identity;
    }

    @Override
    public CommandLineJob.Watched submit(
            StreamExecutionEnvironment env, String restAddress, PrintStream out, RunState run) throws Exception {
        build(env, options);
        JobClient job = env.executeAsync("game-metrics");
        PlanLine.print(
                out,
                GameMetricsJob.class,
                (run.resumed() ? "Resumed aggregating " : "Aggregating ") + "the events of " + options.eventsTable
                        + " into " + options.metricsTable);
        return new Aggregating(job);
    }

    /** A submitted aggregation job; its results are in the metrics table, so nothing watches it. */
    private record Aggregating(JobClient job) implements CommandLineJob.Watched {
        @Override
        public void close() {}
    }

    /** Adds the job to {@code env}; returns the window results on their way to the metrics table. */
    public static DataStream<WindowResult> build(StreamExecutionEnvironment env, GameMetricsOptions options) {
        env.setParallelism(options.parallelism);
        env.enableCheckpointing(options.checkpointInterval.toMillis());
        DynamoClientSettings client = options.connection.settings();
        DataStream<GameEvent> events = env.fromSource(
                        options.polling
                                .applyTo(ShardlineSource.<ChangeRecord>builder()
                                        .tableName(options.eventsTable)
                                        .endpoint(client.endpoint())
                                        .region(client.region())
                                        .credentialsProvider(client.credentials())
                                        .deserializer(ChangeRecordDeserializationSchema.changeRecords()))
                                .build(),
                        watermarks(options),
                        "game events")
                .filter(GameMetricsJob::carriesEvent)
                .name("inserts and updates")
                .map(change -> GameEvent.fromItem(change.newImage()))
                .name("to game events");
        KeyedStream<GameEvent, String> byGameAction = events.keyBy(GameEvent::gameAction);
        SingleOutputStreamOperator<WindowResult> tumbling = byGameAction
                .window(TumblingEventTimeWindows.of(options.window))
                .allowedLateness(options.allowedLateness)
                .sideOutputLateData(TOO_LATE)
                .aggregate(new GameActionAggregate(), new ToWindowResult(options.topPlayers))
                .name("tumbling windows");
        SingleOutputStreamOperator<WindowResult> sliding = byGameAction
                .window(SlidingEventTimeWindows.of(options.slidingWindow, options.slide))
                .allowedLateness(options.allowedLateness)
                .sideOutputLateData(TOO_LATE)
                .aggregate(new GameActionAggregate(), new ToWindowResult(options.topPlayers))
                .name("sliding windows");
        DataStream<WindowResult> results = tumbling.union(sliding);
        results.sinkTo(sink(client, options.metricsTable, WindowResult::toWrite))
                .name("metrics table");
        tumbling.getSideOutput(TOO_LATE)
                .union(sliding.getSideOutput(TOO_LATE))
                .map(new LateEventCounter())
                .name("count late events")
                .sinkTo(sink(client, options.lateTable, event -> TableWrite.put(event.toItem(), 1)))
                .name("late events table");
        return results;
    }

    private static boolean carriesEvent(ChangeRecord change) {
        return change.newImage() != null && change.newImage().containsKey("eventTime");
    }

    /**
     * Event time is each event's own time; watermarks are made in the source, per shard, so a shard
     * read ahead of another never makes the other's events late.
     */
    private static WatermarkStrategy<ChangeRecord> watermarks(GameMetricsOptions options) {
        WatermarkStrategy<ChangeRecord> strategy = WatermarkStrategy.<ChangeRecord>forBoundedOutOfOrderness(
                        options.outOfOrderness)
                .withTimestampAssigner((change, created) -> carriesEvent(change)
                        ? Long.parseLong(change.newImage().get("eventTime").n())
                        : created);
        return options.idleness.isZero() ? strategy : strategy.withIdleness(options.idleness);
    }

    private static <T> ShardlineTableSink<T> sink(
            DynamoClientSettings client, String table, TableWriteMapping<T> mapping) {
        return ShardlineTableSink.<T>builder()
                .tableName(table)
                .endpoint(client.endpoint())
                .region(client.region())
                .credentialsProvider(client.credentials())
                .writes(mapping)
                .build();
    }
}
