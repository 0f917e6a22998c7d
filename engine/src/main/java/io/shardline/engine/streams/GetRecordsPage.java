package io.shardline.engine.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.changelog.StoredChangeRecords;
import java.io.IOException;

/**
 * A GetRecords answer with its records still in their stored bytes: {@link #decode()} gives the
 * embedded API's response, {@link #writeJson} writes the wire response straight from the bytes.
 */
public record GetRecordsPage(StoredChangeRecords records, String nextShardIterator) {
    private static final SerializableString RECORDS = new SerializedString("Records");
    private static final SerializableString NEXT_SHARD_ITERATOR = new SerializedString("NextShardIterator");

    public GetRecords.Response decode() {
        return new GetRecords.Response(records.decode(), nextShardIterator);
    }

    /** Writes the response as the wire codec writes {@link #decode()}'s result. */
    public void writeJson(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeFieldName(RECORDS);
        records.writeJson(out);
        if (nextShardIterator != null) {
            out.writeFieldName(NEXT_SHARD_ITERATOR);
            out.writeString(nextShardIterator);
        }
        out.writeEndObject();
    }
}
