package io.shardline.jobs.replication;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.jobs.bench.CatalogueTable;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.flink.JobMetrics;
import io.shardline.jobs.flink.LocalFlinkCluster;
import io.shardline.jobs.flink.LocalWebOptions;
import io.shardline.jobs.flink.RunState;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The replication job against the plain way to copy a table, in one run, between two engine
 * servers on loopback (source and target, in memory):
 * <ol>
 *   <li>Snapshot: a table of {@code items} items is copied into a new table by a plain
 *   single-threaded loop of Scan pages and BatchWriteItem requests of 25 (unprocessed items sent
 *   again), and by the replication job (parallelism 2, defaults) from submission until its targets
 *   acknowledged every item. Two rounds, best of each; prints items/s of both and the ratio.</li>
 *   <li>Lag: PutItem at {@code rate} writes/s for {@code seconds} into a table the job follows; a
 *   reader tails the target table's own stream (every shard, polled again within a millisecond when
 *   empty), whose records commit with the items, and notes when each item's record appears; prints
 *   p50/p99/max from each write's acknowledgement (first two seconds left out as warm-up).</li>
 * </ol>
 * Arguments: items (default 200000; 0 leaves the snapshot out), rate (default 1000), seconds
 * (default 30), the job's parallelism (default 2, the job's own default).
 */
public final class ReplicationBenchmark {
    /** The job's parallelism (its default is 2). */
    private static int parallelism;

    private ReplicationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Configuration flink = new Configuration();
        flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(100));
        try (Engine sourceEngine = Engine.open(EngineConfig.inMemory());
                Engine targetEngine = Engine.open(EngineConfig.inMemory());
                ShardlineServer source =
                        ShardlineServer.start(sourceEngine, ServerConfig.loopback(0), Clock.systemUTC());
                ShardlineServer target =
                        ShardlineServer.start(targetEngine, ServerConfig.loopback(0), Clock.systemUTC());
                LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, LocalWebOptions.anyFreePort(), System.out)) {
            CatalogueTable.create(sourceEngine, "Items");
            for (int i = 0; i < items; i++) {
                sourceEngine.putItem(PutItem.Request.of("Items", CatalogueTable.item(i)));
            }
            double plain = 0;
            double job = 0;
            for (int round = 1; round <= 2 && items > 0; round++) {
                double plainRound =
                        plainLoop(source.endpoint(), target.endpoint(), targetEngine, "Items", "Plain" + round, items);
                double jobRound = job(
                        options(source.endpoint(), "Items", target.endpoint(), "Copy" + round), cluster, flink, items);
                System.out.printf(
                        "round %d: plain Scan + BatchWriteItem loop %.0f items/s, replication job %.0f " + "items/s%n",
                        round, plainRound, jobRound);
                plain = Math.max(plain, plainRound);
                job = Math.max(job, jobRound);
            }
            if (items > 0) {
                System.out.printf(
                        "snapshot of %d items: plain loop %.0f items/s, replication job %.0f items/s "
                                + "(submission to every item acknowledged by the target), ratio %.2f%n",
                        items, plain, job, job / plain);
            }
            CatalogueTable.create(sourceEngine, "Live");
            lag(source.endpoint(), target.endpoint(), cluster, flink, rate, seconds);
        }
        System.exit(0);
    }

    private static ReplicationOptions options(
            String sourceEndpoint, String table, String targetEndpoint, String targetTable) {
        ReplicationOptions options = new ReplicationOptions();
        options.connection = connection(sourceEndpoint);
        options.table = table;
        options.targets = List.of("table=" + targetTable + ",endpoint=" + targetEndpoint);
        options.copy.run.progressInterval = Duration.ofHours(1);
        options.copy.run.parallelism = parallelism;
        return options;
    }

    private static TableConnection connection(String endpoint) {
        return TableConnection.of(endpoint, "us-east-1", "bench", "bench");
    }

    /** Items/s of one thread copying the table by Scan pages and BatchWriteItem requests of 25. */
    private static double plainLoop(
            String sourceEndpoint, String targetEndpoint, Engine targetEngine, String table, String copy, int items) {
        CatalogueTable.create(targetEngine, copy);
        long copied = 0;
        long started = System.nanoTime();
        try (DynamoDbClient from = connection(sourceEndpoint).settings().createTableClient();
                DynamoDbClient to = connection(targetEndpoint).settings().createTableClient()) {
            for (var page : from.scanPaginator(r -> r.tableName(table))) {
                List<WriteRequest> writes = new ArrayList<>();
                for (var item : page.items()) {
                    writes.add(WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item).build())
                            .build());
                    if (writes.size() == 25) {
                        copied += write(to, copy, writes);
                        writes = new ArrayList<>();
                    }
                }
                if (!writes.isEmpty()) {
                    copied += write(to, copy, writes);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (copied != items) {
            throw new IllegalStateException("the plain loop copied " + copied + " of " + items);
        }
        return items / seconds;
    }

    private static int write(DynamoDbClient to, String table, List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = to.batchWriteItem(r -> r.requestItems(batch));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        return writes.size();
    }

    /**
     * Items/s of the job's snapshot, from submission until its target acknowledged every item (its
     * sink's count, which the REST API serves fresh within 100 ms).
     */
    private static double job(ReplicationOptions options, LocalFlinkCluster cluster, Configuration flink, int items)
            throws Exception {
        long started = System.nanoTime();
        try (ReplicateJob.Running running = ReplicateJob.start(
                options,
                cluster.environment(flink),
                cluster.webUrl(),
                quiet(),
                Clock.systemUTC(),
                RunState.inMemory(false))) {
            JobMetrics metrics =
                    new JobMetrics(cluster.webUrl(), running.job().getJobID().toHexString());
            while (metrics.read(".shardline.").sum(".shardline.writesApplied") < items) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            running.job().cancel().get();
            return items / seconds;
        }
    }

    /** Replication lag at a steady write rate, from each write's acknowledgement to the item being readable. */
    private static void lag(
            String sourceEndpoint,
            String targetEndpoint,
            LocalFlinkCluster cluster,
            Configuration flink,
            int rate,
            int seconds)
            throws Exception {
        int count = rate * seconds;
        long[] acknowledged = new long[count];
        long[] readable = new long[count];
        ReplicationOptions options = options(sourceEndpoint, "Live", targetEndpoint, "LiveCopy");
        options.copy.noSnapshot = true;
        try (ReplicateJob.Running running = ReplicateJob.start(
                        options,
                        cluster.environment(flink),
                        cluster.webUrl(),
                        quiet(),
                        Clock.systemUTC(),
                        RunState.inMemory(false));
                DynamoDbClient writer = connection(sourceEndpoint).settings().createTableClient();
                DynamoDbClient reader = connection(targetEndpoint).settings().createTableClient();
                DynamoDbStreamsClient streams =
                        connection(targetEndpoint).settings().createClient()) {
            List<String> iterators = new ArrayList<>();
            String arn =
                    reader.describeTable(r -> r.tableName("LiveCopy")).table().latestStreamArn();
            for (var shard : streams.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards()) {
                iterators.add(streams.getShardIterator(r -> r.streamArn(arn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator());
            }
            Thread readerThread = new Thread(
                    () -> {
                        int seen = 0;
                        while (seen < count) {
                            boolean found = false;
                            for (int s = 0; s < iterators.size(); s++) {
                                String iterator = iterators.get(s);
                                var page = streams.getRecords(r -> r.shardIterator(iterator));
                                long now = System.nanoTime();
                                for (var record : page.records()) {
                                    readable[
                                            Integer.parseInt(record.dynamodb()
                                                    .keys()
                                                    .get("id")
                                                    .s()
                                                    .substring(5))] = now;
                                    seen++;
                                    found = true;
                                }
                                iterators.set(s, page.nextShardIterator());
                            }
                            if (!found) {
                                LockSupport.parkNanos(1_000_000);
                            }
                        }
                    },
                    "lag-reader");
            Thread.sleep(3_000);
            readerThread.start();
            long started = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < count; i++) {
                long due = started + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("id", AttributeValue.fromS("live-" + i));
                item.put("n", AttributeValue.fromN(Integer.toString(i)));
                writer.putItem(r -> r.tableName("Live").item(item));
                acknowledged[i] = System.nanoTime();
            }
            readerThread.join(TimeUnit.MINUTES.toMillis(2));
            running.job().cancel().get();
        }
        int warmUp = Math.min(count - 1, rate * 2);
        long[] millis = new long[count - warmUp];
        for (int i = warmUp; i < count; i++) {
            millis[i - warmUp] = Math.max(0, readable[i] - acknowledged[i]) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(
                "lag at %d writes/s for %d s (source write acknowledged to item readable in the target, "
                        + "%d items): p50 %d ms, p99 %d ms, max %d ms%n",
                rate,
                seconds,
                millis.length,
                millis[millis.length / 2],
                millis[(int) (millis.length * 0.99)],
                millis[millis.length - 1]);
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
