package io.shardline.engine.changelog;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shardline.engine.api.GetRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Change records of one table as read from the store, still in their stored bytes: decoded into
 * objects for the embedded API, or written straight as JSON by the server.
 */
public final class StoredChangeRecords {
    private final long tableId;
    private final List<Long> sequences = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();

    StoredChangeRecords(long tableId) {
        this.tableId = tableId;
    }

    void add(long sequence, byte[] value) {
        sequences.add(sequence);
        values.add(value);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The records as the embedded API's objects. */
    public List<GetRecords.ChangeRecord> decode() {
        List<GetRecords.ChangeRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            records.add(ChangeRecordCodec.decode(
                    tableId, sequences.get(i), StreamKeys.createdAtOf(value), StreamKeys.recordOf(value)));
        }
        return records;
    }

    /** Writes the records as a JSON array of DynamoDB Streams records. */
    public void writeJson(JsonGenerator out) throws IOException {
        out.writeStartArray();
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            ChangeRecordCodec.writeJson(
                    tableId, sequences.get(i), StreamKeys.createdAtOf(value), StreamKeys.recordOf(value), out);
        }
        out.writeEndArray();
    }
}
