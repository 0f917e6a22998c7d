package io.shardline.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OneWritePerKeyBatchCreatorTest {
    private final OneWritePerKeyBatchCreator creator = new OneWritePerKeyBatchCreator(List.of("id"));

    private static TableWrite put(String id, long version) {
        return TableWrite.put(Map.of("id", AttributeValue.fromS(id)), version);
    }

    private static DequeRequestBuffer<TableWrite> buffer(TableWrite... writes) {
        DequeRequestBuffer<TableWrite> buffer = new DequeRequestBuffer<>();
        for (TableWrite write : writes) {
            buffer.add(new RequestEntryWrapper<>(write, 10), false);
        }
        return buffer;
    }

    @Test
    void aBatchEndsBeforeASecondWriteOfTheSameKey() {
        DequeRequestBuffer<TableWrite> buffer = buffer(put("a", 1), put("b", 1), put("a", 2), put("c", 1));
        assertEquals(
                List.of(put("a", 1), put("b", 1)),
                creator.createNextBatch(() -> 25, buffer).getBatchEntries());
        assertEquals(
                List.of(put("a", 2), put("c", 1)),
                creator.createNextBatch(() -> 25, buffer).getBatchEntries());
    }

    @Test
    void aBatchHoldsAtMostTheBatchSize() {
        DequeRequestBuffer<TableWrite> buffer = buffer(put("a", 1), put("b", 1), put("c", 1));
        assertEquals(2, creator.createNextBatch(() -> 2, buffer).getRecordCount());
        assertEquals(1, buffer.size());
    }

    @Test
    void aWriteWithoutTheKeyIsRejectedNamingIt() {
        DequeRequestBuffer<TableWrite> buffer = buffer(TableWrite.put(Map.of("name", AttributeValue.fromS("x")), 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> creator.createNextBatch(() -> 25, buffer));
        assertEquals("A table write lacks key attribute id: {name=AttributeValue(S=x)}", e.getMessage());
    }
}
