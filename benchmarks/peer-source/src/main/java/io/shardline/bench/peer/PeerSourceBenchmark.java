package io.shardline.bench.peer;

import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.aws.config.AWSConfigConstants;
import org.apache.flink.connector.dynamodb.source.DynamoDbStreamsSource;
import org.apache.flink.connector.dynamodb.source.config.DynamodbStreamsSourceConfigConstants;
import org.apache.flink.connector.dynamodb.source.serialization.DynamoDbStreamsDeserializationSchema;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Shardline's source and Apache Flink's DynamoDB Streams source (flink-connector-aws, built from its
 * source for Flink 2.3) against the same engine server, in one run, one after the other, each at
 * parallelism 2 on a local Flink cluster in this JVM:
 * <ol>
 *   <li>Backlog: a table of two partitions holding {@code records} changes (about 120-byte items) is
 *   read from its trim horizon by each source in turn, in two rounds (best of each, so neither
 *   source pays alone for a cold JVM or server); prints the seconds from submission to the first
 *   record and the records/s from the first record to the last.</li>
 *   <li>Freshness: PutItem through the server at {@code rate} writes/s for {@code seconds} into a
 *   table each job follows; prints p50/p99/max from each PutItem's acknowledgement to the record
 *   reaching the job (first two seconds left out).</li>
 * </ol>
 * Apache's source runs with its defaults, and again with its waits between GetRecords calls set to
 * 0 ms after a page with records and 200 ms after an empty one. Arguments: records (default
 * 200000), rate (default 1000), seconds (default 20).
 */
public final class PeerSourceBenchmark {
    private static final String PAYLOAD = "p".repeat(100);
    static final AtomicLong READ = new AtomicLong();
    static final AtomicLong FIRST_NANOS = new AtomicLong();
    static final AtomicLong LAST_NANOS = new AtomicLong();
    static final Map<String, Long> ARRIVALS = new ConcurrentHashMap<>();
    static final AtomicLong FRESH = new AtomicLong();

    private PeerSourceBenchmark() {
    }

    /** One source under test: builds its stream of item ids read from a stream's trim horizon. */
    private interface Candidate {
        DataStream<String> ids(StreamExecutionEnvironment env, String endpoint, String streamArn);
    }

    private record Named(String name, Candidate candidate) {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Named> candidates = List.of(
                new Named("Shardline source, defaults", PeerSourceBenchmark::shardline),
                new Named("Apache DynamoDB Streams source, defaults", (env, endpoint, arn) ->
                        apache(env, endpoint, arn, false)),
                new Named("Apache DynamoDB Streams source, waits 0 / 200 ms", (env, endpoint, arn) ->
                        apache(env, endpoint, arn, true)));
        Path dir = Files.createTempDirectory("shardline-bench-peer");
        try (Engine engine = Engine.open(EngineConfig.durable(dir));
             ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC())) {
            String backlog = createTable(engine, "Backlog");
            load(engine, records);
            double[][] reads = new double[candidates.size()][];
            for (int round = 1; round <= 2; round++) {
                for (int i = 0; i < candidates.size(); i++) {
                    double[] read = backlog(candidates.get(i).candidate(), server.endpoint(), backlog, records);
                    System.out.printf("round %d, %s: first record %.1f s after submission, %.0f records/s%n", round,
                            candidates.get(i).name(), read[0], read[1]);
                    if (reads[i] == null || read[1] > reads[i][1]) {
                        reads[i] = read;
                    }
                }
            }
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Named named = candidates.get(i);
                double[] fresh = freshness(named.candidate(), server.endpoint(), createTable(engine, "Fresh" + i), rate,
                        seconds);
                rows.add(String.format("| %s | %.0f | %.1f / %.1f | %.1f | %.1f |", named.name(), reads[i][1],
                        fresh[0], fresh[1], fresh[2], reads[i][0]));
                System.out.println(rows.get(rows.size() - 1));
            }
            System.out.printf("%n%d-record backlog, freshness at %d writes/s for %d s, parallelism 2:%n", records, rate,
                    seconds);
            System.out.println("| source | backlog records/s | write-to-job p50 / p99 ms | max ms | first record after submit s |");
            System.out.println("|---|---|---|---|---|");
            rows.forEach(System.out::println);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static DataStream<String> shardline(StreamExecutionEnvironment env, String endpoint, String arn) {
        return env.fromSource(ShardlineSource.<String>builder().streamArn(arn).endpoint(endpoint)
                .credentials("bench", "bench")
                .deserializer(ChangeRecordDeserializationSchema.of(r -> r.keys().get("id").s(), Types.STRING))
                .build(), WatermarkStrategy.noWatermarks(), "shardline");
    }

    private static DataStream<String> apache(StreamExecutionEnvironment env, String endpoint, String arn,
                                             boolean shortWaits) {
        Configuration config = new Configuration();
        config.setString(AWSConfigConstants.AWS_ENDPOINT, endpoint);
        config.setString(AWSConfigConstants.AWS_REGION, "us-east-1");
        config.setString(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
        config.setString(AWSConfigConstants.AWS_ACCESS_KEY_ID, "bench");
        config.setString(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, "bench");
        config.set(DynamodbStreamsSourceConfigConstants.STREAM_INITIAL_POSITION,
                DynamodbStreamsSourceConfigConstants.InitialPosition.TRIM_HORIZON);
        if (shortWaits) {
            config.set(DynamodbStreamsSourceConfigConstants.DYNAMODB_STREAMS_GET_RECORDS_IDLE_TIME_BETWEEN_NON_EMPTY_POLLS,
                    Duration.ZERO);
            config.set(DynamodbStreamsSourceConfigConstants.DYNAMODB_STREAMS_GET_RECORDS_IDLE_TIME_BETWEEN_EMPTY_POLLS,
                    Duration.ofMillis(200));
        }
        DynamoDbStreamsSource<String> source = DynamoDbStreamsSource.<String>builder().setStreamArn(arn)
                .setSourceConfig(config).setDeserializationSchema(new ItemIds()).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "apache", Types.STRING);
    }

    /** The id of each record's item, for Apache's source. */
    private static final class ItemIds implements DynamoDbStreamsDeserializationSchema<String> {
        @Override
        public void deserialize(Record record, String stream, String shardId, Collector<String> output) {
            output.collect(record.dynamodb().keys().get("id").s());
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    private static String createTable(Engine engine, String name) {
        return engine.createTable(new CreateTable.Request(name, List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null,
                List.of(new Tag("shardline:partitions", "2")), new StreamSpecification(true, "NEW_IMAGE")))
                .tableDescription().latestStreamArn();
    }

    private static void load(Engine engine, int records) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = thread; i < records; i += threads) {
                    engine.putItem(PutItem.Request.of("Backlog", Map.of("id", new AttributeValue.S("k" + i),
                            "payload", new AttributeValue.S(PAYLOAD))));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    /** Seconds from submission to the first record, and records/s from the first record to the last. */
    private static double[] backlog(Candidate candidate, String endpoint, String arn, int expected) throws Exception {
        READ.set(0);
        FIRST_NANOS.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        candidate.ids(env, endpoint, arn).map(id -> {
            long now = System.nanoTime();
            FIRST_NANOS.compareAndSet(0, now);
            LAST_NANOS.accumulateAndGet(now, Math::max);
            READ.incrementAndGet();
            return id;
        }).sinkTo(new DiscardingSink<>());
        long submitted = System.nanoTime();
        JobClient job = env.executeAsync("backlog");
        long deadline = submitted + TimeUnit.MINUTES.toNanos(10);
        while (READ.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        job.cancel().get();
        if (READ.get() != expected) {
            throw new IllegalStateException("read " + READ.get() + " of " + expected + " records");
        }
        return new double[] {(FIRST_NANOS.get() - submitted) / 1e9, expected / ((LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9)};
    }

    /** p50, p99 and max milliseconds from PutItem's acknowledgement to the record reaching the job. */
    private static double[] freshness(Candidate candidate, String endpoint, String arn, int rate, int seconds)
            throws Exception {
        ARRIVALS.clear();
        FRESH.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        candidate.ids(env, endpoint, arn).map(id -> {
            if (ARRIVALS.put(id, System.nanoTime()) == null && id.startsWith("f")) {
                FRESH.incrementAndGet();
            }
            return id;
        }).sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("freshness");
        String table = arn.substring(arn.indexOf(":table/") + 7, arn.indexOf("/stream/"));
        int total = rate * seconds;
        long[] acknowledged = new long[total];
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("bench", "bench"))).build()) {
            long warmUpDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (int i = 0; ARRIVALS.isEmpty(); i++) {
                if (System.nanoTime() > warmUpDeadline) {
                    throw new IllegalStateException("the job read nothing of " + table + " within 3 minutes");
                }
                String id = "warm-up-" + i;
                client.putItem(r -> r.tableName(table).item(Map.of("id",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))));
                Thread.sleep(100);
            }
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String id = "f" + i;
                client.putItem(r -> r.tableName(table).item(Map.of("id",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))));
                acknowledged[i] = System.nanoTime();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (FRESH.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        job.cancel().get();
        int skipped = rate * 2;
        long[] latencies = new long[total - skipped];
        for (int i = skipped; i < total; i++) {
            Long arrived = ARRIVALS.get("f" + i);
            if (arrived == null) {
                throw new IllegalStateException("f" + i + " never reached the job");
            }
            latencies[i - skipped] = Math.max(0, arrived - acknowledged[i]);
        }
        Arrays.sort(latencies);
        return new double[] {latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                latencies[latencies.length - 1] / 1e6};
    }
}
