package io.shardline.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableWriteStateSerializerTest {
    @Test
    void bufferedWritesOfEveryAttributeTypeSurviveACheckpoint() throws Exception {
        SdkBytes bytes = SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255});
        Map<String, AttributeValue> item = Map.of(
                "s", AttributeValue.fromS("x".repeat(70_000) + "é"),
                "n", AttributeValue.fromN("-12.5e3"),
                "b", AttributeValue.fromB(bytes),
                "bool", AttributeValue.fromBool(true),
                "null", AttributeValue.fromNul(true),
                "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromL(List.of(AttributeValue.fromS("a"),
                        AttributeValue.fromN("1"))))),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2")),
                "bs", AttributeValue.fromBs(List.of(bytes)));
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
