package io.shardline.connector.source.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSourceOptions.TrimmedDataPolicy;
import io.shardline.connector.source.StartingPosition;
import io.shardline.connector.source.TrimmedStreamException;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitState;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.DescribeStream.Shard;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.Partitions;
import io.shardline.items.AttributeValue;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The split reader against a real server whose clock the test moves: trimmed data, expired iterators, AT_TIMESTAMP. */
@Timeout(120)
class ShardSplitReaderITCase {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private Engine engine;
    private ShardlineServer server;
    private String streamArn;
    private String shardId;

    @BeforeEach
    void start() {
        engine = Engine.open(EngineConfig.inMemory()
                .withClock(clock)
                .withStreamRetention(Duration.ofHours(1))
                .withShardRolloverAge(Duration.ofDays(1))
                .withMaintenanceInterval(Duration.ofDays(1)));
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        streamArn = createTable("Events");
        shardId = shards(streamArn).get(0).shardId();
    }

    /** A one-partition table with a KEYS_ONLY stream; returns the stream's ARN. */
    private String createTable(String name) {
        return engine.createTable(new CreateTable.Request(
                        name,
                        List.of(new AttributeDefinition("id", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        null,
                        List.of(new Tag("shardline:partitions", "1")),
                        new StreamSpecification(true, "KEYS_ONLY")))
                .tableDescription()
                .latestStreamArn();
    }

    private List<Shard> shards(String arn) {
        return engine.describeStream(DescribeStream.Request.of(arn))
                .streamDescription()
                .shards();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private void put(String id) {
        engine.putItem(PutItem.Request.of("Events", Map.of("id", new AttributeValue.S(id))));
    }

    private final ShardReaderMetrics metrics = new ShardReaderMetrics(new UnregisteredMetricsGroup());
    private final Set<String> readFromStart = ConcurrentHashMap.newKeySet();

    private ShardSplitReader reader(TrimmedDataPolicy policy) {
        return new ShardSplitReader(
                new DynamoClientSettings(server.endpoint(), "us-east-1", "k", "s").createClient(),
                1000,
                Duration.ofMillis(1),
                false,
                policy,
                metrics,
                readFromStart);
    }

    private static List<String> ids(RecordsWithSplitIds<ChangeRecord> fetched) {
        List<String> ids = new ArrayList<>();
        while (fetched.nextSplit() != null) {
            for (ChangeRecord r = fetched.nextRecordFromSplit(); r != null; r = fetched.nextRecordFromSplit()) {
                ids.add(r.keys().get("id").s());
            }
        }
        return ids;
    }

    private String firstSequence() throws Exception {
        try (ShardSplitReader reader = reader(TrimmedDataPolicy.FAIL)) {
            reader.handleSplitsChanges(new SplitsAddition<>(
                    List.of(new ShardSplit(streamArn, shardId, null, null, StartingPosition.trimHorizon()))));
            RecordsWithSplitIds<ChangeRecord> fetched = reader.fetch();
            fetched.nextSplit();
            return fetched.nextRecordFromSplit().sequenceNumber();
        }
    }

    @Test
    void trimmedRecordsFailTheReadNamingTheShardUnlessToldToSkip() throws Exception {
        put("old-1");
        put("old-2");
        String oldPosition = firstSequence();
        clock.advance(Duration.ofHours(2));
        put("new-1");
        engine.runMaintenance();
        ShardSplit behindTheTrim =
                new ShardSplit(streamArn, shardId, null, oldPosition, StartingPosition.trimHorizon());
        try (ShardSplitReader failing = reader(TrimmedDataPolicy.FAIL)) {
            failing.handleSplitsChanges(new SplitsAddition<>(List.of(behindTheTrim)));
            IllegalStateException e = assertThrows(IllegalStateException.class, failing::fetch);
            assertThat(e).hasMessageContaining(shardId).hasMessageContaining(oldPosition);
        }
        try (ShardSplitReader skipping = reader(TrimmedDataPolicy.SKIP_TO_TRIM_HORIZON)) {
            skipping.handleSplitsChanges(new SplitsAddition<>(List.of(behindTheTrim)));
            assertEquals(List.of("new-1"), ids(skipping.fetch()));
            assertEquals(1, metrics.trimmedGapsSkipped());
        }
    }

    /** The shard as a job's first discovery makes it: from its first record, or the trim horizon where that is gone. */
    private ShardSplit firstDiscovered() {
        return new ShardSplit(
                streamArn,
                shardId,
                null,
                shards(streamArn).get(0).sequenceNumberRange().startingSequenceNumber(),
                null,
                StartingPosition.trimHorizon(),
                true);
    }

    @Test
    void aQuietShardReadFromItsStartReportsRecordsTrimmedBeforeARestoreReadThem() throws Exception {
        ShardSplit split = firstDiscovered();
        try (ShardSplitReader reader = reader(TrimmedDataPolicy.FAIL)) {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
            assertEquals(List.of(), ids(reader.fetch()));
        }
        assertEquals(Set.of(split.splitId()), readFromStart, "the split was read from its shard's first record");
        put("written-while-the-job-was-down");
        clock.advance(Duration.ofHours(2));
        engine.runMaintenance();
        put("after-the-trim");
        ShardSplit restored = split.readFromItsStart();
        try (ShardSplitReader failing = reader(TrimmedDataPolicy.FAIL)) {
            failing.handleSplitsChanges(new SplitsAddition<>(List.of(restored)));
            TrimmedStreamException e = assertThrows(TrimmedStreamException.class, failing::fetch);
            assertThat(e).hasMessageContaining(shardId).hasMessageContaining("from its first record");
        }
        try (ShardSplitReader skipping = reader(TrimmedDataPolicy.SKIP_TO_TRIM_HORIZON)) {
            skipping.handleSplitsChanges(new SplitsAddition<>(List.of(restored)));
            assertEquals(List.of("after-the-trim"), ids(skipping.fetch()));
        }
    }

    @Test
    void aJobsFirstShardWhoseStartWasTrimmedBeforeItRanStartsAtTheTrimHorizon() throws Exception {
        put("trimmed-before-the-job");
        clock.advance(Duration.ofHours(2));
        engine.runMaintenance();
        put("kept");
        try (ShardSplitReader reader = reader(TrimmedDataPolicy.FAIL)) {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(firstDiscovered())));
            assertEquals(List.of("kept"), ids(reader.fetch()));
        }
        assertEquals(
                Set.of(),
                readFromStart,
                "not read from its first record: a later restore may start at the " + "trim horizon again");
        ShardSplit child = new ShardSplit(
                streamArn,
                shardId,
                null,
                shards(streamArn).get(0).sequenceNumberRange().startingSequenceNumber(),
                null,
                StartingPosition.trimHorizon(),
                false);
        try (ShardSplitReader failing = reader(TrimmedDataPolicy.FAIL)) {
            failing.handleSplitsChanges(new SplitsAddition<>(List.of(child)));
            assertThrows(
                    TrimmedStreamException.class,
                    failing::fetch,
                    "a shard found after the job started must be " + "read from its first record");
        }
    }

    @Test
    void anExpiredIteratorIsRenewedWithoutLosingRecords() throws Exception {
        put("a");
        try (ShardSplitReader reader = reader(TrimmedDataPolicy.FAIL)) {
            reader.handleSplitsChanges(new SplitsAddition<>(
                    List.of(new ShardSplit(streamArn, shardId, null, null, StartingPosition.trimHorizon()))));
            assertEquals(List.of("a"), ids(reader.fetch()));
            clock.advance(Duration.ofMinutes(16));
            put("b");
            put("c");
            assertEquals(List.of("b", "c"), ids(reader.fetch()));
            assertEquals(1, metrics.iteratorRenewals());
            assertTrue(metrics.millisBehindLatest() >= 0);
            assertEquals(List.of(), ids(reader.fetch()));
            assertTrue(metrics.emptyPolls() >= 1, "an empty poll is counted");
            assertEquals(0, metrics.millisBehindLatest(), "caught up");
        }
    }

    @Test
    void atTimestampPassesOverOlderRecordsWhileTheSplitsPositionMovesPastThem() throws Exception {
        put("before");
        clock.advance(Duration.ofMinutes(10));
        Instant from = clock.instant();
        put("at");
        put("after");
        ShardSplit split = new ShardSplit(streamArn, shardId, null, null, StartingPosition.atTimestamp(from));
        List<ChangeRecord> read = new ArrayList<>();
        try (ShardSplitReader reader = reader(TrimmedDataPolicy.FAIL)) {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
            RecordsWithSplitIds<ChangeRecord> fetched = reader.fetch();
            fetched.nextSplit();
            for (ChangeRecord r = fetched.nextRecordFromSplit(); r != null; r = fetched.nextRecordFromSplit()) {
                read.add(r);
            }
        }
        ShardSplitState state = new ShardSplitState(split);
        ChangeRecordEmitter<String> emitter = new ChangeRecordEmitter<>(ChangeRecordDeserializationSchema.of(
                record -> record.keys().get("id").s(), Types.STRING));
        List<String> emitted = new ArrayList<>();
        emitter.emitRecord(read.get(0), new CollectingOutput(emitted), state);
        assertEquals(List.of(), emitted, "the record before the start time is passed over");
        assertEquals(
                read.get(0).sequenceNumber(),
                state.toSplit().afterSequenceNumber(),
                "a record passed over moves the position all the same");
        for (ChangeRecord record : read.subList(1, read.size())) {
            emitter.emitRecord(record, new CollectingOutput(emitted), state);
        }
        assertEquals(List.of("at", "after"), emitted);
    }

    /** Collects what an emitter passes to Flink's source output. */
    private record CollectingOutput(List<String> values) implements SourceOutput<String> {
        @Override
        public void collect(String value) {
            values.add(value);
        }

        @Override
        public void collect(String value, long timestamp) {
            values.add(value);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    private ShardSplitReader reader(DynamoClientSettings settings) {
        return new ShardSplitReader(
                settings.createClient(),
                1000,
                Duration.ofMillis(1),
                false,
                TrimmedDataPolicy.FAIL,
                metrics,
                readFromStart);
    }

    @Test
    void aServerRestartWhileReadingIsRetriedWithoutLoss() throws Exception {
        put("a");
        int port = URI.create(server.endpoint()).getPort();
        DynamoClientSettings patient = new DynamoClientSettings(
                server.endpoint(),
                "us-east-1",
                CredentialsFactory.staticKeys("k", "s"),
                20,
                Duration.ofMillis(50),
                Duration.ofMillis(200));
        try (ShardSplitReader reader = reader(patient)) {
            ShardSplit split = new ShardSplit(streamArn, shardId, null, null, StartingPosition.trimHorizon());
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
            assertEquals(List.of("a"), ids(reader.fetch()));
            server.close();
            put("b");
            put("c");
            CompletableFuture<ShardlineServer> restarted = CompletableFuture.supplyAsync(
                    () -> ShardlineServer.start(engine, ServerConfig.loopback(port), Clock.systemUTC()),
                    CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
            try {
                assertEquals(List.of("b", "c"), ids(reader.fetch()), "read after the server came back");
                assertEquals(3, metrics.forSplit(split).recordsRead(), "counted per shard");
            } finally {
                server = restarted.get();
            }
        }
    }

    @Test
    void anUnreachableServerFailsTheReadNamingTheShardAfterItsRetries() throws Exception {
        put("a");
        DynamoClientSettings impatient = new DynamoClientSettings(
                server.endpoint(),
                "us-east-1",
                CredentialsFactory.staticKeys("k", "s"),
                3,
                Duration.ofMillis(10),
                Duration.ofMillis(20));
        try (ShardSplitReader reader = reader(impatient)) {
            reader.handleSplitsChanges(new SplitsAddition<>(
                    List.of(new ShardSplit(streamArn, shardId, null, null, StartingPosition.trimHorizon()))));
            assertEquals(List.of("a"), ids(reader.fetch()));
            server.close();
            IOException e = assertThrows(IOException.class, reader::fetch);
            assertThat(e).hasMessageContaining(shardId).hasMessageContaining("retries");
        } finally {
            server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        }
    }

    @Test
    void aShardThatLeftTheStreamFailsTheReadUnlessToldToSkip() throws Exception {
        ShardSplit gone = new ShardSplit(
                streamArn, "shardId-00000000000000000001-0000ffff", null, null, StartingPosition.trimHorizon());
        try (ShardSplitReader failing = reader(TrimmedDataPolicy.FAIL)) {
            failing.handleSplitsChanges(new SplitsAddition<>(List.of(gone)));
            IllegalStateException e = assertThrows(IllegalStateException.class, failing::fetch);
            assertThat(e).hasMessageContaining(gone.shardId()).hasMessageContaining("no longer there");
        }
        try (ShardSplitReader skipping = reader(TrimmedDataPolicy.SKIP_TO_TRIM_HORIZON)) {
            skipping.handleSplitsChanges(new SplitsAddition<>(List.of(gone)));
            assertEquals(Set.of(gone.splitId()), skipping.fetch().finishedSplits(), "the split ends");
            assertEquals(1, metrics.trimmedGapsSkipped());
        }
    }
    /** Repeated over several tables, since the order must not depend on how the shard ids happen to hash. */
    @Test
    void aParentsLastRecordsComeBeforeItsChildrensFirstInOneFetch() throws Exception {
        for (int table = 0; table < 8; table++) {
            String name = "Lineage-" + table;
            String arn = createTable(name);
            for (int i = 0; i < 10; i++) {
                engine.putItem(PutItem.Request.of(name, Map.of("id", new AttributeValue.S("parent-" + i))));
            }
            Partitions.splitWidest(engine, name);
            for (int i = 0; i < 10; i++) {
                engine.putItem(PutItem.Request.of(name, Map.of("id", new AttributeValue.S("child-" + i))));
            }
            List<ShardSplit> splits = shards(arn).stream()
                    .map(shard -> new ShardSplit(
                            arn, shard.shardId(), shard.parentShardId(), null, StartingPosition.trimHorizon()))
                    .toList();
            assertEquals(3, splits.size(), "a closed parent and its two children");
            try (ShardSplitReader reader = reader(TrimmedDataPolicy.FAIL)) {
                reader.handleSplitsChanges(new SplitsAddition<>(splits));
                List<String> read = ids(reader.fetch());
                assertEquals(20, read.size(), "the parent to its end and both children in one fetch: " + read);
                assertTrue(read.subList(0, 10).stream().allMatch(id -> id.startsWith("parent-")), read.toString());
            }
        }
    }
}
