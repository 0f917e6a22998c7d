package io.shardline.connector.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DocumentWriteStateSerializerTest {
    private static DocumentWrite roundTrip(DocumentWrite write) throws IOException {
        DocumentWriteStateSerializer serializer = new DocumentWriteStateSerializer();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer.serializeRequestToStream(write, new DataOutputStream(bytes));
        return serializer.deserializeRequestFromStream(
                bytes.size(), new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void indexAndDeleteWritesRoundTripWithLargeAndUnicodeSources() throws IOException {
        DocumentWrite index = DocumentWrite.index("a|b\\c é", Long.MAX_VALUE, "{\"s\":\"" + "é".repeat(40_000) + "\"}");
        DocumentWrite delete = DocumentWrite.delete("gone", 7);
        assertThat(roundTrip(index)).isEqualTo(index);
        assertThat(roundTrip(delete)).isEqualTo(delete);
        assertThat(new DocumentWriteStateSerializer().getVersion()).isEqualTo(1);
    }
}
