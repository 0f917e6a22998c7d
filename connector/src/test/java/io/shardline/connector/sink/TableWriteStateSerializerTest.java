package io.shardline.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.connector.codec.AllAttributeTypes;
import io.shardline.connector.codec.AttributeValueBinary;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableWriteStateSerializerTest {
    @Test
    void bufferedWritesOfEveryAttributeTypeSurviveACheckpoint() throws Exception {
        Map<String, AttributeValue> item = AllAttributeTypes.item();
        List<TableWrite> writes = List.of(
                TableWrite.put(item, 7).changedAt(1_764_000_000_123L),
                TableWrite.snapshotPut(item, 8),
                TableWrite.delete(Map.of("s", AttributeValue.fromS("k")), 9));
        TableWriteStateSerializer serializer = new TableWriteStateSerializer();
        BufferedRequestState<TableWrite> state = new BufferedRequestState<>(
                writes.stream().map(w -> new RequestEntryWrapper<>(w, 100)).toList());
        BufferedRequestState<TableWrite> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
        assertEquals(
                writes,
                restored.getBufferedRequestEntries().stream()
                        .map(RequestEntryWrapper::getRequestEntry)
                        .toList());
    }

    /** Writes the first state format: no change times. */
    private static final class FirstVersionFormat extends AsyncSinkWriterStateSerializer<TableWrite> {
        @Override
        protected void serializeRequestToStream(TableWrite write, DataOutputStream out) throws IOException {
            out.writeBoolean(write.isDelete());
            out.writeLong(write.version());
            AttributeValueBinary.writeMap(write.attributes(), out);
        }

        @Override
        protected TableWrite deserializeRequestFromStream(long size, DataInputStream in) {
            throw new UnsupportedOperationException("writes only");
        }

        @Override
        public int getVersion() {
            return 1;
        }
    }

    @Test
    void stateOfTheFirstVersionRestoresWithUnknownChangeTimes() throws Exception {
        List<TableWrite> writes = List.of(
                TableWrite.put(AllAttributeTypes.item(), 7),
                TableWrite.delete(Map.of("s", AttributeValue.fromS("k")), 9));
        byte[] first = new FirstVersionFormat()
                .serialize(new BufferedRequestState<>(writes.stream()
                        .map(w -> new RequestEntryWrapper<>(w, 100))
                        .toList()));
        BufferedRequestState<TableWrite> restored = new TableWriteStateSerializer().deserialize(1, first);
        assertEquals(
                writes,
                restored.getBufferedRequestEntries().stream()
                        .map(RequestEntryWrapper::getRequestEntry)
                        .toList());
        assertThrows(IOException.class, () -> new TableWriteStateSerializer().deserialize(3, first));
    }
}
