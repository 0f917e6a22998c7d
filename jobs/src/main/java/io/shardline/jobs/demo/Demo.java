package io.shardline.jobs.demo;

import io.shardline.items.service.LocalTableService;
import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.LocalFlinkCluster;
import io.shardline.jobs.flink.LocalWebOptions;
import io.shardline.jobs.game.GameEventWriter;
import io.shardline.jobs.game.GameEventsCommand.GeneratorOptions;
import io.shardline.jobs.game.GameMetricsJob;
import io.shardline.jobs.game.GameMetricsOptions;
import io.shardline.jobs.game.GameTables;
import io.shardline.jobs.game.WindowResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one-process demo: Shardline's engine and server, the game event generator and the aggregation
 * job on a local Flink cluster with its web UI, and a live console view, until Ctrl-C or the
 * requested duration; then everything stops cleanly.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs the engine, the game event generator and the aggregation job in one process.")
public final class Demo implements Callable<Integer>, AutoCloseable {
    @Option(
            names = "--port",
            description = "Port of the engine's DynamoDB endpoint on 127.0.0.1, for the AWS "
                    + "CLI or SDKs while the demo runs; 0 for any (default: ${DEFAULT-VALUE})",
            defaultValue = "8000")
    int port;

    @Option(names = "--data-dir", description = "Keep the tables in this directory (default: in memory)")
    Path dataDir;

    @Mixin
    LocalWebOptions web = new LocalWebOptions();

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Stop after this long; 0 " + "runs until Ctrl-C (default: ${DEFAULT-VALUE})",
            defaultValue = "0s")
    Duration duration;

    @Option(
            names = "--max-rate",
            description = "Instead of writing --rate, find the largest event rate the job keeps "
                    + "up with (doubling from --rate every --probe-step, then narrowing), hold it for --probe-hold, print "
                    + "the result and stop; exit code 1 when it was not sustained")
    boolean maxRate;

    @Option(
            names = "--probe-step",
            converter = DurationConverter.class,
            description = "How long --max-rate writes " + "each rate it tries (default: ${DEFAULT-VALUE})",
            defaultValue = "30s")
    Duration probeStep;

    @Option(
            names = "--probe-hold",
            converter = DurationConverter.class,
            description = "How long --max-rate holds " + "the best rate (default: ${DEFAULT-VALUE})",
            defaultValue = "5m")
    Duration probeHold;

    @Option(
            names = "--max-lag",
            converter = DurationConverter.class,
            description = "How far behind, in events "
                    + "written in this time, the job may be for --max-rate to count a rate as kept up with (default: "
                    + "${DEFAULT-VALUE})",
            defaultValue = "3s")
    Duration maxLag;

    @Option(
            names = "--writer-threads",
            description = "Threads writing game events (default: ${DEFAULT-VALUE})",
            defaultValue = "4")
    int writerThreads;

    @Mixin
    GeneratorOptions generator = new GeneratorOptions();

    @Mixin
    GameMetricsOptions job = new GameMetricsOptions();

    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<AutoCloseable> running = new ArrayList<>();
    private GameEventWriter writer;
    private JobMetrics progress;

    public Demo() {
        this(System.out);
    }

    Demo(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "demo-shutdown"));
        start();
        if (maxRate) {
            boolean sustained = new RateProbe(out, writer, progress::sourceRecords, probeStep, probeHold, maxLag)
                    .run(generator.rate);
            close();
            return sustained ? 0 : 1;
        }
        if (duration.isZero()) {
            stopped.await();
        } else {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        close();
        return 0;
    }

    /** Starts every part; {@link #close()} stops them in reverse order. */
    void start() throws Exception {
        LocalTableService server = LocalTableService.start(dataDir, port);
        running.add(server);
        job.connection.endpoint = server.endpoint();
        DynamoDbClient client = job.connection.settings().createTableClient();
        running.add(client);
        GameTables.createIfMissing(client, job.eventsTable, job.metricsTable, job.lateTable);

        writer = new GameEventWriter(
                client, job.eventsTable, generator.generator(System::currentTimeMillis, "demo"), generator.rate, 0);
        List<Thread> writing = new ArrayList<>();
        for (int i = 0; i < writerThreads; i++) {
            Thread thread = new Thread(writer, "game-event-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writing.add(thread);
        }
        running.add(() -> {
            writer.stop();
            for (Thread thread : writing) {
                thread.join();
            }
        });

        Configuration flink = new Configuration();
        flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
        LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, web, out);
        running.add(cluster);
        StreamExecutionEnvironment env = cluster.environment(flink);
        GameMetricsJob.build(env, job);
        JobClient jobClient = env.executeAsync("game-metrics demo");
        running.add(() -> jobClient.cancel().get(30, TimeUnit.SECONDS));

        String web = cluster.webUrl();
        out.printf(
                "Shardline demo: DynamoDB endpoint %s, Flink web UI %s, writing %d game events/s into %s; "
                        + "Ctrl-C stops.%n",
                server.endpoint(), web, generator.rate, job.eventsTable);
        progress = new JobMetrics(web, jobClient.getJobID().toHexString());
        ConsoleView view =
                new ConsoleView(out, writer::written, progress::sourceRecords, () -> scanMetrics(client), job.window);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-console");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(view::tick, 1, 1, TimeUnit.SECONDS);
        running.add(ticker::shutdownNow);
    }

    private List<WindowResult> scanMetrics(DynamoDbClient client) {
        List<WindowResult> results = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(job.metricsTable))
                .items()
                .forEach(item -> results.add(WindowResult.fromItem(item)));
        return results;
    }

    /** Stops the console, the job, the generator, the server and the engine, newest first; runs once. */
    @Override
    public synchronized void close() {
        if (running.isEmpty()) {
            return;
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                out.println("While stopping: " + e);
            }
        }
        running.clear();
        out.println("Shardline demo stopped.");
        stopped.countDown();
    }
}
