package io.shardline.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.connector.source.enumerator.EnumeratorState;
import io.shardline.connector.source.enumerator.EnumeratorStateSerializer;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitSerializer;
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
                new ShardSplit(ARN, "shardId-4", null, null, false, 1_795_000_000_000L))) {
            byte[] bytes = ShardSplitSerializer.INSTANCE.serialize(split);
            assertEquals(split, ShardSplitSerializer.INSTANCE.deserialize(ShardSplitSerializer.INSTANCE.getVersion(), bytes));
        }
        assertThrows(IOException.class, () -> ShardSplitSerializer.INSTANCE.deserialize(99, new byte[0]));
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        EnumeratorStateSerializer serializer = new EnumeratorStateSerializer();
        EnumeratorState state = new EnumeratorState(List.of(ARN, ARN + "2"),
                Map.of(ARN + "|a", 1, ARN + "|b", EnumeratorState.NO_READER),
                Set.of(ARN + "|c"),
                List.of(new ShardSplit(ARN, "d", "c", null, false)), true);
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
