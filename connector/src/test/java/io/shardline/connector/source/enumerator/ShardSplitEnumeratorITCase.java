package io.shardline.connector.source.enumerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.StartingPosition;
import io.shardline.connector.source.reader.ReaderStartedEvent;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.SplitId;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.Tag;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.Partitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The enumerator against a real server, driven through Flink's testing enumerator context: what
 * happens when a reader's report that it finished a shard misses the checkpoint the job resumes from.
 */
@Timeout(60)
class ShardSplitEnumeratorITCase {
    private Engine engine;
    private ShardlineServer server;
    private String streamArn;
    private final TestingSplitEnumeratorContext<ShardSplit> context = new TestingSplitEnumeratorContext<>(2);

    @BeforeEach
    void start() {
        engine = Engine.open(EngineConfig.inMemory());
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
        streamArn = engine.createTable(new CreateTable.Request(
                        "Events",
                        List.of(new AttributeDefinition("id", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        null,
                        List.of(new Tag("shardline:partitions", "1")),
                        new StreamSpecification(true, "KEYS_ONLY")))
                .tableDescription()
                .latestStreamArn();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private ShardSplitEnumerator enumerator(EnumeratorState restored) {
        return enumerator(restored, StartingPosition.trimHorizon());
    }

    private ShardSplitEnumerator enumerator(EnumeratorState restored, StartingPosition start) {
        DynamoClientSettings settings = new DynamoClientSettings(server.endpoint(), "us-east-1", "k", "s");
        ShardSplitEnumerator enumerator = new ShardSplitEnumerator(
                context,
                settings.createClient(),
                null,
                new StreamSelector.StreamArn(streamArn),
                start,
                false,
                Duration.ofHours(1),
                restored);
        enumerator.start();
        context.triggerAllActions();
        return enumerator;
    }

    private void register(ShardSplitEnumerator enumerator, int reader) {
        context.registerReader(reader, "localhost");
        enumerator.addReader(reader);
    }

    private Set<String> assignedShards() {
        Set<String> shards = new TreeSet<>();
        context.getSplitAssignments()
                .values()
                .forEach(state -> state.getAssignedSplits().forEach(split -> shards.add(split.shardId())));
        return shards;
    }

    private String onlyShard() {
        return engine.describeStream(io.shardline.engine.api.DescribeStream.Request.of(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
    }

    private Set<String> shardsNow() {
        Set<String> shards = new TreeSet<>();
        engine.describeStream(io.shardline.engine.api.DescribeStream.Request.of(streamArn))
                .streamDescription()
                .shards()
                .forEach(shard -> shards.add(shard.shardId()));
        return shards;
    }

    /** An enumerator restored with the only shard assigned, which has since split; both readers registered. */
    private ShardSplitEnumerator restoredWithSplitParentAssigned(String parent) {
        return restoredWithSplitParentAssigned(parent, StartingPosition.trimHorizon());
    }

    private ShardSplitEnumerator restoredWithSplitParentAssigned(String parent, StartingPosition start) {
        Partitions.splitWidest(engine, "Events");
        ShardSplitEnumerator enumerator = enumerator(
                new EnumeratorState(
                        List.of(streamArn), Map.of(), Set.of(new SplitId(streamArn, parent)), List.of(), true),
                start);
        register(enumerator, 0);
        register(enumerator, 1);
        return enumerator;
    }

    @Test
    void afterARestoreAShardNoReaderResumedCountsAsFinishedOnceEveryReaderReported() throws Exception {
        String parent = onlyShard();
        try (ShardSplitEnumerator enumerator = restoredWithSplitParentAssigned(parent)) {
            enumerator.handleSourceEvent(0, new ReaderStartedEvent(List.of()));
            assertEquals(Set.of(), assignedShards(), "children wait while a reader may still hold the parent");
            enumerator.handleSourceEvent(1, new ReaderStartedEvent(List.of()));
            Set<String> children = shardsNow();
            children.remove(parent);
            assertEquals(children, assignedShards(), "no reader resumed the parent: it was finished");
        }
    }

    @Test
    void afterARestoreAShardAReaderResumedIsStillWaitedFor() throws Exception {
        String parent = onlyShard();
        try (ShardSplitEnumerator enumerator = restoredWithSplitParentAssigned(parent)) {
            enumerator.handleSourceEvent(0, new ReaderStartedEvent(List.of()));
            enumerator.handleSourceEvent(1, new ReaderStartedEvent(List.of(streamArn + "|" + parent)));
            assertEquals(Set.of(), assignedShards(), "the parent is still being read");
        }
    }

    @Test
    void aRestartedReaderThatDidNotResumeItsShardFinishedItBeforeItsCheckpoint() throws Exception {
        String parent = onlyShard();
        try (ShardSplitEnumerator enumerator = enumerator(null)) {
            register(enumerator, 0);
            register(enumerator, 1);
            enumerator.handleSourceEvent(0, new ReaderStartedEvent(List.of()));
            assertEquals(Set.of(parent), assignedShards());
            assertEquals(Set.of(0), context.getSplitAssignments().keySet());
            Partitions.splitWidest(engine, "Events");
            context.getExecutorService().triggerPeriodicScheduledTasks();
            context.triggerAllActions();
            assertEquals(Set.of(parent), assignedShards(), "the children wait for the parent");
            enumerator.addReader(0);
            enumerator.handleSourceEvent(0, new ReaderStartedEvent(List.of()));
            assertEquals(shardsNow(), assignedShards(), "the restarted reader did not resume the parent");
        }
    }

    @Test
    void aStartTimeAppliesToTheShardsAJobFindsWhenItStarts() throws Exception {
        StartingPosition start = StartingPosition.atTimestamp(Instant.ofEpochMilli(1_796_000_000_000L));
        try (ShardSplitEnumerator enumerator = enumerator(null, start)) {
            register(enumerator, 0);
            register(enumerator, 1);
            ShardSplit first = assignedSplits().get(0);
            assertEquals(start, first.start());
            assertEquals(true, first.mayStartAtTrimHorizon(), "its oldest records may be gone before the job ran");
        }
    }

    @Test
    void shardsARestoredJobFindsAreReadWholeFromTheirFirstRecordWhateverItsStartTime() throws Exception {
        String parent = onlyShard();
        try (ShardSplitEnumerator restored = restoredWithSplitParentAssigned(
                parent, StartingPosition.atTimestamp(Instant.ofEpochMilli(1_796_003_600_000L)))) {
            restored.handleSourceEvent(0, new ReaderStartedEvent(List.of()));
            restored.handleSourceEvent(1, new ReaderStartedEvent(List.of()));
            List<ShardSplit> children = assignedSplits();
            assertEquals(2, children.size());
            for (ShardSplit child : children) {
                assertEquals(
                        StartingPosition.trimHorizon(),
                        child.start(),
                        "a restored job's later start time would "
                                + "skip the records the "
                                + "child got before it: " + child);
                assertEquals(false, child.mayStartAtTrimHorizon(), "records trimmed from it are a gap: " + child);
                assertEquals(parent, child.parentShardId());
            }
        }
    }

    private List<ShardSplit> assignedSplits() {
        List<ShardSplit> splits = new ArrayList<>();
        context.getSplitAssignments().values().forEach(state -> splits.addAll(state.getAssignedSplits()));
        return splits;
    }

    @Test
    void nothingIsAssignedUntilEveryReaderRegistered() throws Exception {
        try (ShardSplitEnumerator enumerator = enumerator(null)) {
            register(enumerator, 0);
            assertEquals(Set.of(), assignedShards(), "a reader still starting would get nothing");
            register(enumerator, 1);
            assertEquals(Set.of(onlyShard()), assignedShards());
        }
    }
}
