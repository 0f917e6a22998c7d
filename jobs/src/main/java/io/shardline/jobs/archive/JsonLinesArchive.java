package io.shardline.jobs.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.shardline.connector.codec.DynamoDbJson;
import io.shardline.connector.source.ChangeRecord;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Archive files of JSON lines, gzip-compressed, one deleted item a line:
 * {@code {"table":..,"eventID":..,"sequenceNumber":..,"shardId":..,"deletedAt":"2026-11-27T13:05:09.123Z",
 * "deletedBy":"ttl"|"user","Keys":{..},"Item":{..}}} with the key and the item in DynamoDB JSON,
 * which keeps every attribute type exactly. Each file is one gzip stream, completed when the file is.
 */
final class JsonLinesArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesArchive() {}

    /** Writes removals of {@code table}'s items. */
    static BulkWriter.Factory<ChangeRecord> writer(String table) {
        return stream -> new LineWriter(table, stream);
    }

    /**
     * Reads the removals back as the REMOVE records they were, from the decompressed file: Flink's
     * file source decompresses {@code .gz} files itself.
     */
    static StreamFormat<ChangeRecord> reader() {
        return new LineReader();
    }

    static String line(ArchivedRemoval removal) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("table", removal.table());
        line.put("eventID", removal.eventId());
        line.put("sequenceNumber", removal.sequenceNumber());
        line.put("shardId", removal.shardId());
        line.put("deletedAt", removal.deletedAt().toString());
        line.put("deletedBy", removal.deletedBy());
        line.putRawValue("Keys", new RawValue(DynamoDbJson.item(removal.keys())));
        line.putRawValue("Item", new RawValue(DynamoDbJson.item(removal.item())));
        return JSON.writeValueAsString(line);
    }

    static ArchivedRemoval removal(String line) throws IOException {
        JsonNode json = JSON.readTree(line);
        return new ArchivedRemoval(
                json.path("table").asText(null),
                json.path("eventID").asText(null),
                json.path("sequenceNumber").asText(null),
                json.path("shardId").asText(null),
                Instant.parse(json.path("deletedAt").asText()).toEpochMilli(),
                ArchivedRemoval.TTL.equals(json.path("deletedBy").asText()),
                DynamoDbJson.readItem(json.path("Keys").toString()),
                DynamoDbJson.readItem(json.path("Item").toString()));
    }

    private static final class LineWriter implements BulkWriter<ChangeRecord> {
        private final String table;
        private final GZIPOutputStream out;

        LineWriter(String table, FSDataOutputStream stream) throws IOException {
            this.table = table;
            this.out = new GZIPOutputStream(new Unclosed(stream), 64 * 1024, true);
        }

        @Override
        public void addElement(ChangeRecord record) throws IOException {
            out.write((line(ArchivedRemoval.of(table, record)) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void finish() throws IOException {
            out.finish();
            out.flush();
        }
    }

    /** The file's stream, which the file sink closes itself. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {}
    }

    private static final class LineReader extends SimpleStreamFormat<ChangeRecord> {
        @Override
        public StreamFormat.Reader<ChangeRecord> createReader(Configuration config, FSDataInputStream stream)
                throws IOException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            return new StreamFormat.Reader<>() {
                @Override
                public ChangeRecord read() throws IOException {
                    String line;
                    do {
                        line = lines.readLine();
                    } while (line != null && line.isBlank());
                    return line == null ? null : removal(line).toRecord();
                }

                @Override
                public void close() throws IOException {
                    lines.close();
                }
            };
        }

        @Override
        public TypeInformation<ChangeRecord> getProducedType() {
            return TypeInformation.of(ChangeRecord.class);
        }
    }
}
