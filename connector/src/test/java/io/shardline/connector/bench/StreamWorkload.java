package io.shardline.connector.bench;

import io.shardline.engine.Engine;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.engine.testing.Await;
import io.shardline.items.AttributeValue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the source benchmarks share: tables of two partitions with a NEW_IMAGE stream, a backlog of
 * about 120-byte items, and freshness: items written at a steady rate, each timed from its PutItem
 * acknowledgement to its record reaching a job in this JVM (the job's map calls {@link #arrived}).
 */
public final class StreamWorkload {
    private static final String PAYLOAD = "p".repeat(100);
    private static final Map<String, Long> ARRIVALS = new ConcurrentHashMap<>();
    private static final AtomicLong TIMED_ARRIVALS = new AtomicLong();

    private StreamWorkload() {}

    /** Creates a table keyed by {@code id} (S) with two partitions and a NEW_IMAGE stream; returns the stream ARN. */
    public static String createTable(Engine engine, String name) {
        return engine.createTable(new CreateTable.Request(
                        name,
                        List.of(new AttributeDefinition("id", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        null,
                        List.of(new Tag("shardline:partitions", "2")),
                        new StreamSpecification(true, "NEW_IMAGE")))
                .tableDescription()
                .latestStreamArn();
    }

    /** Puts {@code records} items k0, k1, ... into {@code table} from four threads. */
    public static void load(Engine engine, String table, int records) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = thread; i < records; i += threads) {
                    engine.putItem(PutItem.Request.of(
                            table,
                            Map.of("id", new AttributeValue.S("k" + i), "payload", new AttributeValue.S(PAYLOAD))));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    /** Notes that the record of item {@code id} reached the job; for a job's map function. */
    public static String arrived(String id) {
        if (ARRIVALS.put(id, System.nanoTime()) == null && id.startsWith("f")) {
            TIMED_ARRIVALS.incrementAndGet();
        }
        return id;
    }

    /**
     * With {@code job} reading {@code table}'s stream through {@link #arrived}: writes warm-up items
     * until one arrives (at most 3 minutes), then PutItem at {@code rate} writes/s for {@code seconds},
     * waits (at most a minute, else fails) for every record, cancels the job and returns p50, p99 and max
     * milliseconds from acknowledgement to arrival, the first two seconds left out.
     */
    public static double[] freshness(JobClient job, String endpoint, String table, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        long[] acknowledged = new long[total];
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build()) {
            long warmUpDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (int i = 0; ARRIVALS.isEmpty(); i++) {
                if (System.nanoTime() > warmUpDeadline) {
                    throw new IllegalStateException("the job read nothing of " + table + " within 3 minutes");
                }
                put(client, table, "warm-up-" + i);
                Thread.sleep(100);
            }
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                put(client, table, "f" + i);
                acknowledged[i] = System.nanoTime();
            }
        }
        Await.until(
                Duration.ofMinutes(1),
                () -> TIMED_ARRIVALS.get() >= total,
                "all " + total + " timed records of " + table + " to reach the job");
        job.cancel().get();
        int skipped = rate * 2;
        long[] latencies = new long[total - skipped];
        for (int i = skipped; i < total; i++) {
            latencies[i - skipped] = Math.max(0, ARRIVALS.get("f" + i) - acknowledged[i]);
        }
        ARRIVALS.clear();
        TIMED_ARRIVALS.set(0);
        Arrays.sort(latencies);
        return new double[] {
            latencies[latencies.length / 2] / 1e6,
            latencies[(int) (latencies.length * 0.99)] / 1e6,
            latencies[latencies.length - 1] / 1e6
        };
    }

    private static void put(DynamoDbClient client, String table, String id) {
        client.putItem(r -> r.tableName(table)
                .item(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))));
    }
}
