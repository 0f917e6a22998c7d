package io.shardline.connector.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.streams.GetRecordsPage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The source against its transport, in one run on one machine with the engine's server on loopback:
 * <ol>
 *   <li>Backlog: a table of two partitions holding {@code records} changes is read by a plain
 *   single-threaded GetRecords loop (Limit 1000) on the embedded engine's API, then by the same loop
 *   over the wire through the AWS SDK client the source uses, and then by the source at parallelism 2
 *   (bounded, default options) into a discarding sink; two rounds, best of each. Between the first
 *   two, the loop through the SDK client whose HTTP client answers from memory with the server's bytes:
 *   what the client side alone can read. Prints records/s of each and their ratios.</li>
 *   <li>Freshness: PutItem through the server at {@code rate} writes/s for {@code seconds}, read by
 *   the source (parallelism 2, default options); prints p50/p99/max from each PutItem's
 *   acknowledgement to the record reaching the job (first two seconds left out as warm-up).</li>
 * </ol>
 * Arguments: records (default 1000000), rate (default 1000), seconds (default 20).
 */
public final class SourceBenchmark {
    static final AtomicLong READ = new AtomicLong();
    static final AtomicLong FIRST_NANOS = new AtomicLong();
    static final AtomicLong LAST_NANOS = new AtomicLong();

    private SourceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("shardline-bench-source");
        try (Engine engine = Engine.open(EngineConfig.durable(dir));
                ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC())) {
            DynamoClientSettings settings = new DynamoClientSettings(server.endpoint(), "us-east-1", "bench", "bench");
            String backlog = StreamWorkload.createTable(engine, "Backlog");
            long started = System.nanoTime();
            StreamWorkload.load(engine, "Backlog", records);
            System.out.printf("loaded %d changes in %.1f s%n", records, (System.nanoTime() - started) / 1e9);
            double embedded = 0;
            double client = 0;
            double raw = 0;
            double source = 0;
            for (int round = 1; round <= 2; round++) {
                double embeddedRound = embeddedLoop(engine, backlog, records);
                double clientRound = clientLoop(engine, backlog, records);
                double rawRound = rawLoop(settings, backlog, records);
                double sourceRound = sourceRead(settings, backlog, records);
                System.out.printf(
                        "round %d: embedded loop %.0f records/s, SDK client alone %.0f records/s, loop over "
                                + "the wire %.0f records/s, source %.0f records/s%n",
                        round, embeddedRound, clientRound, rawRound, sourceRound);
                embedded = Math.max(embedded, embeddedRound);
                client = Math.max(client, clientRound);
                raw = Math.max(raw, rawRound);
                source = Math.max(source, sourceRound);
            }
            System.out.printf(
                    "backlog of %d: embedded GetRecords loop %.0f records/s; the SDK client alone (answers "
                            + "from memory) %.0f records/s (%.2f of embedded); the loop over the wire %.0f records/s (%.2f of "
                            + "embedded, %.2f of the client alone); source at parallelism 2 %.0f records/s (%.2f of embedded, "
                            + "%.2f of the client alone, %.2f of the wire loop per subtask)%n",
                    records,
                    embedded,
                    client,
                    client / embedded,
                    raw,
                    raw / embedded,
                    raw / client,
                    source,
                    source / embedded,
                    source / client,
                    source / 2 / raw);
            StreamWorkload.createTable(engine, "Fresh");
            freshness(settings, rate, seconds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Records/s of one thread reading every shard through the embedded engine's API: the server's limit. */
    private static double embeddedLoop(Engine engine, String arn, int expected) {
        List<DescribeStream.Shard> shards = engine.describeStream(new DescribeStream.Request(arn, null, null, null))
                .streamDescription()
                .shards();
        long started = System.nanoTime();
        long read = 0;
        for (DescribeStream.Shard shard : shards) {
            String iterator = engine.getShardIterator(GetShardIterator.Request.of(arn, shard.shardId(), "TRIM_HORIZON"))
                    .shardIterator();
            while (iterator != null) {
                GetRecords.Response page = engine.getRecords(new GetRecords.Request(iterator, 1000));
                read += page.records().size();
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return rate("embedded loop", read, expected, started);
    }

    /**
     * Records/s of the same loop through the AWS SDK client whose HTTP client answers each GetRecords
     * from memory with the bytes the server would send (written beforehand, untimed): what the client
     * side alone costs, the wire loop's ceiling.
     */
    private static double clientLoop(Engine engine, String arn, int expected) throws Exception {
        Map<String, byte[]> answers = new HashMap<>();
        List<String> firstIterators = new ArrayList<>();
        for (DescribeStream.Shard shard : engine.describeStream(new DescribeStream.Request(arn, null, null, null))
                .streamDescription()
                .shards()) {
            String iterator = engine.getShardIterator(GetShardIterator.Request.of(arn, shard.shardId(), "TRIM_HORIZON"))
                    .shardIterator();
            firstIterators.add(iterator);
            while (iterator != null) {
                GetRecordsPage page = engine.getRecordsPage(new GetRecords.Request(iterator, 1000));
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                try (JsonGenerator out = DynamoJson.mapper().getFactory().createGenerator(json)) {
                    page.writeJson(out);
                }
                answers.put(iterator, json.toByteArray());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        SdkHttpClient fromMemory = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        String iterator = DynamoJson.mapper()
                                .readTree(request.contentStreamProvider()
                                        .orElseThrow()
                                        .newStream())
                                .get("ShardIterator")
                                .asText();
                        byte[] body = answers.get(iterator);
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder()
                                        .statusCode(200)
                                        .putHeader("Content-Length", Integer.toString(body.length))
                                        .build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                                .build();
                    }

                    @Override
                    public void abort() {}
                };
            }

            @Override
            public void close() {}
        };
        try (DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .httpClient(fromMemory)
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build()) {
            long started = System.nanoTime();
            long read = 0;
            for (String first : firstIterators) {
                read += readShard(client, first);
            }
            return rate("client loop", read, expected, started);
        }
    }

    /** Records/s of one thread reading every shard from its trim horizon to its end. */
    private static double rawLoop(DynamoClientSettings settings, String arn, int expected) {
        try (DynamoDbStreamsClient client = settings.createClient()) {
            List<Shard> shards = client.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards();
            long started = System.nanoTime();
            long read = 0;
            for (Shard shard : shards) {
                read += readShard(
                        client,
                        client.getShardIterator(r -> r.streamArn(arn)
                                        .shardId(shard.shardId())
                                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                                .shardIterator());
            }
            return rate("raw loop", read, expected, started);
        }
    }

    /** Reads a shard from {@code iterator} until a page comes back empty; returns the records read. */
    private static long readShard(DynamoDbStreamsClient client, String iterator) {
        long read = 0;
        String next = iterator;
        while (next != null) {
            String current = next;
            GetRecordsResponse page =
                    client.getRecords(r -> r.shardIterator(current).limit(1000));
            read += page.records().size();
            next = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return read;
    }

    private static double rate(String loop, long read, int expected, long startedNanos) {
        if (read != expected) {
            throw new IllegalStateException(loop + " read " + read + " of " + expected);
        }
        return read / ((System.nanoTime() - startedNanos) / 1e9);
    }

    /** Records/s of the bounded source at parallelism 2, from its first record to its last. */
    private static double sourceRead(DynamoClientSettings settings, String arn, int expected) throws Exception {
        READ.set(0);
        FIRST_NANOS.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(
                        ShardlineSource.<String>builder()
                                .streamArn(arn)
                                .endpoint(settings.endpoint())
                                .credentials("bench", "bench")
                                .bounded()
                                .deserializer(ChangeRecordDeserializationSchema.of(
                                        r -> r.keys().get("id").s(), Types.STRING))
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "backlog")
                .map(id -> {
                    long now = System.nanoTime();
                    FIRST_NANOS.compareAndSet(0, now);
                    LAST_NANOS.accumulateAndGet(now, Math::max);
                    READ.incrementAndGet();
                    return id;
                })
                .sinkTo(new DiscardingSink<>());
        env.execute("backlog");
        if (READ.get() != expected) {
            throw new IllegalStateException("source read " + READ.get() + " of " + expected);
        }
        return READ.get() / ((LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9);
    }

    private static void freshness(DynamoClientSettings settings, int rate, int seconds) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(
                        ShardlineSource.<String>builder()
                                .tableName("Fresh")
                                .endpoint(settings.endpoint())
                                .credentials("bench", "bench")
                                .deserializer(ChangeRecordDeserializationSchema.of(
                                        r -> r.keys().get("id").s(), Types.STRING))
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "fresh")
                .map(StreamWorkload::arrived)
                .sinkTo(new DiscardingSink<>());
        double[] latencies =
                StreamWorkload.freshness(env.executeAsync("freshness"), settings.endpoint(), "Fresh", rate, seconds);
        System.out.printf(
                "freshness at %d writes/s for %d s (parallelism 2, default options): p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n",
                rate, seconds, latencies[0], latencies[1], latencies[2]);
    }
}
