package io.shardline.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.connector.source.enumerator.EnumeratorState;
import io.shardline.connector.source.enumerator.EnumeratorStateSerializer;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerializersTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-11-25T10:00:00.000";

    @Test
    void splitsRoundTripWithTheirPosition() throws IOException {
        for (ShardSplit split : List.of(new ShardSplit(ARN, "shardId-1", null, null, false),
                new ShardSplit(ARN, "shardId-2", "shardId-1", "1000000000000000042", false),
                new ShardSplit(ARN, "shardId-3", null, null, true),
                new ShardSplit(ARN, "shardId-4", null, null, false, 1_795_000_000_000L),
                new ShardSplit(ARN, "shardId-5", "shardId-4", "100000000000000000007", null, false, 0, false),
                new ShardSplit(ARN, "shardId-6", null, "100000000000000000009", "100000000000000000012", false, 5, true))) {
            byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(split);
            assertEquals(split, ShardSplitSerializer.INSTANCE.deserialize(ShardSplitSerializer.INSTANCE.getVersion(), bytes));
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
        assertEquals(new ShardSplit(ARN, "shardId-7", null, "100000000000000000042", false), restored);
        assertEquals(null, restored.startingSequenceNumber());
        assertEquals(true, restored.mayStartAtTrimHorizon());
        byte[] longer = ShardSplitSerializer.INSTANCE.serialize(restored);
        assertThrows(IOException.class, () -> ShardSplitSerializer.INSTANCE.deserialize(1, longer),
                "bytes left over are refused");
    }

    @Test
    void aSplitReadFromItsStartKeepsThatThroughItsCheckpoints() throws IOException {
        ShardSplit first = new ShardSplit(ARN, "s", null, "100000000000000000001", null, false, 0, true);
        ShardSplit read = first.readFromItsStart();
        assertEquals(false, read.mayStartAtTrimHorizon());
        assertEquals(false, read.resumingAfter("100000000000000000002").mayStartAtTrimHorizon());
        assertEquals(read, ShardSplitSerializer.INSTANCE.deserialize(2, ShardSplitSerializer.INSTANCE.serialize(read)));
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        EnumeratorStateSerializer serializer = new EnumeratorStateSerializer();
        EnumeratorState state = new EnumeratorState(List.of(ARN, ARN + "2"),
                Map.of(ARN + "|a", 1, ARN + "|b", EnumeratorState.NO_READER),
                Set.of(ARN + "|c"),
                List.of(new ShardSplit(ARN, "d", "c", null, false),
                        new ShardSplit(ARN, "e", "d", "100000000000000000003", null, false, 0, false)), true);
        EnumeratorState copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
        assertEquals(state, copy);
    }

    @Test
    void resumingKeepsTheShardAndMovesThePosition() {
        ShardSplit split = new ShardSplit(ARN, "s", "p", null, true);
        ShardSplit resumed = split.resumingAfter("1000000000000000007");
        assertEquals(split.splitId(), resumed.splitId());
        assertEquals("1000000000000000007", resumed.afterSequenceNumber());
        assertEquals(false, resumed.startAtLatest(), "a position wins over LATEST");
    }
}
