package io.shardline.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.connector.source.enumerator.EnumeratorState;
import io.shardline.connector.source.enumerator.EnumeratorStateSerializer;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitSerializer;
import io.shardline.connector.source.split.SplitId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerializersTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-11-25T10:00:00.000";

    @Test
    void splitsRoundTripWithTheirPosition() throws IOException {
        for (ShardSplit split : List.of(
                new ShardSplit(ARN, "shardId-1", null, null, StartingPosition.trimHorizon()),
                new ShardSplit(ARN, "shardId-2", "shardId-1", "1000000000000000042", StartingPosition.trimHorizon()),
                new ShardSplit(ARN, "shardId-3", null, null, StartingPosition.latest()),
                new ShardSplit(
                        ARN,
                        "shardId-4",
                        null,
                        null,
                        StartingPosition.atTimestamp(Instant.ofEpochMilli(1_795_000_000_000L))),
                new ShardSplit(
                        ARN,
                        "shardId-5",
                        "shardId-4",
                        "100000000000000000007",
                        null,
                        StartingPosition.trimHorizon(),
                        false),
                new ShardSplit(
                        ARN,
                        "shardId-6",
                        null,
                        "100000000000000000009",
                        "100000000000000000012",
                        StartingPosition.atTimestamp(Instant.ofEpochMilli(5)),
                        true))) {
            byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(split);
            assertEquals(
                    split,
                    ShardSplitSerializer.INSTANCE.deserialize(ShardSplitSerializer.INSTANCE.getVersion(), bytes));
        }
        assertThrows(IOException.class, () -> ShardSplitSerializer.INSTANCE.deserialize(99, new byte[0]));
    }

    @Test
    void splitsOfVersionOneStillRestoreStartingAtTheTrimHorizon() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(ARN);
            out.writeUTF("shardId-7");
            out.writeBoolean(false);
            out.writeBoolean(true);
            out.writeUTF("100000000000000000042");
            out.writeBoolean(false);
            out.writeLong(0);
        }
        ShardSplit restored = ShardSplitSerializer.INSTANCE.deserialize(1, bytes.toByteArray());
        assertEquals(
                new ShardSplit(ARN, "shardId-7", null, "100000000000000000042", StartingPosition.trimHorizon()),
                restored);
        assertEquals(null, restored.startingSequenceNumber());
        assertEquals(true, restored.mayStartAtTrimHorizon());
        byte[] longer = ShardSplitSerializer.INSTANCE.serialize(restored);
        assertThrows(
                IOException.class,
                () -> ShardSplitSerializer.INSTANCE.deserialize(1, longer),
                "bytes left over are refused");
    }

    @Test
    void aSplitReadFromItsStartKeepsThatThroughItsCheckpoints() throws IOException {
        ShardSplit first =
                new ShardSplit(ARN, "s", null, "100000000000000000001", null, StartingPosition.trimHorizon(), true);
        ShardSplit read = first.readFromItsStart();
        assertEquals(false, read.mayStartAtTrimHorizon());
        assertEquals(false, read.resumingAfter("100000000000000000002").mayStartAtTrimHorizon());
        assertEquals(read, ShardSplitSerializer.INSTANCE.deserialize(2, ShardSplitSerializer.INSTANCE.serialize(read)));
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        EnumeratorStateSerializer serializer = new EnumeratorStateSerializer();
        EnumeratorState state = new EnumeratorState(
                List.of(ARN, ARN + "2"),
                Map.of(new SplitId(ARN, "a"), 1, new SplitId(ARN, "b"), EnumeratorState.NO_READER),
                Set.of(new SplitId(ARN, "c")),
                List.of(
                        new ShardSplit(ARN, "d", "c", null, StartingPosition.trimHorizon()),
                        new ShardSplit(
                                ARN, "e", "d", "100000000000000000003", null, StartingPosition.trimHorizon(), false)),
                true);
        EnumeratorState copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
        assertEquals(state, copy);
    }

    @Test
    void resumingKeepsTheShardAndMovesThePosition() {
        ShardSplit split = new ShardSplit(ARN, "s", "p", null, StartingPosition.latest());
        ShardSplit resumed = split.resumingAfter("1000000000000000007");
        assertEquals(split.splitId(), resumed.splitId());
        assertEquals("1000000000000000007", resumed.afterSequenceNumber());
        assertEquals(StartingPosition.trimHorizon(), resumed.start(), "a position wins over LATEST");
    }

    /**
     * Checkpoints of the source as it was before starting positions and split ids became types
     * (written then by its serializers, src/test/resources/serializer-snapshots) restore unchanged.
     */
    @Test
    void splitsAndEnumeratorStateCheckpointedByThePreviousSourceStillRestore() throws Exception {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-12-01T00:00:00.000";
        List<ShardSplit> splits = List.of(
                new ShardSplit(arn, "shardId-00000001", null, "100", null, StartingPosition.trimHorizon(), true),
                new ShardSplit(
                        arn,
                        "shardId-00000002",
                        "shardId-00000001",
                        "200",
                        "250",
                        StartingPosition.trimHorizon(),
                        false),
                new ShardSplit(arn, "shardId-00000003", null, null, null, StartingPosition.latest(), true),
                new ShardSplit(
                        arn,
                        "shardId-00000004",
                        "shardId-00000002",
                        "300",
                        null,
                        StartingPosition.atTimestamp(Instant.ofEpochMilli(1_764_547_200_000L)),
                        false));
        for (int i = 0; i < splits.size(); i++) {
            assertEquals(splits.get(i), ShardSplitSerializer.INSTANCE.deserialize(2, snapshot("shard-split-v2-" + i)));
        }
        EnumeratorState expected = new EnumeratorState(
                List.of(arn, arn.replace("2026-12-01", "2026-12-02")),
                Map.of(
                        new SplitId(arn, "shardId-00000000"),
                        1,
                        new SplitId(arn, "shardId-0000000a"),
                        EnumeratorState.NO_READER),
                Set.of(new SplitId(arn, "shardId-00000001"), new SplitId(arn, "shardId-00000002")),
                List.of(splits.get(2), splits.get(3)),
                true);
        assertEquals(expected, new EnumeratorStateSerializer().deserialize(2, snapshot("enumerator-state-v2")));
    }

    private static byte[] snapshot(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/serializer-snapshots", name + ".bin"));
    }
}
