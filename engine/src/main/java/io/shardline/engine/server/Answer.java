package io.shardline.engine.server;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * What an operation answers: a complete JSON body (sent with its CRC32, as DynamoDB does), or JSON
 * written to the connection while it is produced (large GetRecords pages, sent without a CRC32,
 * which the SDKs check only when present).
 */
sealed interface Answer {
    record Complete(byte[] body) implements Answer {}

    record Streamed(JsonWriter writer) implements Answer {}

    /** Writes one JSON value. */
    @FunctionalInterface
    interface JsonWriter {
        void writeTo(JsonGenerator out) throws IOException;
    }
}
