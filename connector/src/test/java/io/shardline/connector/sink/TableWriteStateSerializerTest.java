package io.shardline.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import io.shardline.connector.codec.AllAttributeTypes;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableWriteStateSerializerTest {
    @Test
    void bufferedWritesOfEveryAttributeTypeSurviveACheckpoint() throws Exception {
        Map<String, AttributeValue> item = AllAttributeTypes.item();
        List<TableWrite> writes = List.of(TableWrite.put(item, 7), TableWrite.delete(Map.of("s", AttributeValue.fromS("k")), 9));
        TableWriteStateSerializer serializer = new TableWriteStateSerializer();
        BufferedRequestState<TableWrite> state = new BufferedRequestState<>(writes.stream()
                .map(w -> new RequestEntryWrapper<>(w, 100)).toList());
        BufferedRequestState<TableWrite> restored = serializer.deserialize(serializer.getVersion(),
                serializer.serialize(state));
        assertEquals(writes, restored.getBufferedRequestEntries().stream().map(RequestEntryWrapper::getRequestEntry)
                .toList());
    }
}
