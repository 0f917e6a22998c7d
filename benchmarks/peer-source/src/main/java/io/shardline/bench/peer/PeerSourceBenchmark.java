package io.shardline.bench.peer;

import io.shardline.connector.bench.StreamWorkload;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    static final AtomicLong READ = new AtomicLong();
    static final AtomicLong FIRST_NANOS = new AtomicLong();
    static final AtomicLong LAST_NANOS = new AtomicLong();

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
            String backlog = StreamWorkload.createTable(engine, "Backlog");
            StreamWorkload.load(engine, "Backlog", records);
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
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.setParallelism(2);
                named.candidate().ids(env, server.endpoint(), StreamWorkload.createTable(engine, "Fresh" + i))
                        .map(StreamWorkload::arrived).sinkTo(new DiscardingSink<>());
                double[] fresh = StreamWorkload.freshness(env.executeAsync("freshness"), server.endpoint(), "Fresh" + i,
                        rate, seconds);
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
}
