package io.shardline.engine.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes items in their stored form ({@link ItemCodec}) straight as DynamoDB JSON, without building
 * attribute values: strings and numbers go out as the UTF-8 bytes they are stored as, binaries as
 * base64. The output is the same as writing the decoded item with the wire codec, so the server can
 * answer from stored bytes at a fraction of the cost.
 */
public final class StoredItemJson {
    private static final SerializableString[] TYPE_NAMES = new SerializableString[128];

    static {
        String[][] names = {
            {"S", "S"},
            {"N", "N"},
            {"B", "B"},
            {"T", "BOOL"},
            {"F", "BOOL"},
            {"0", "NULL"},
            {"M", "M"},
            {"L", "L"},
            {"s", "SS"},
            {"n", "NS"},
            {"b", "BS"}
        };
        for (String[] tagAndName : names) {
            TYPE_NAMES[tagAndName[0].charAt(0)] = new SerializedString(tagAndName[1]);
        }
    }

    private StoredItemJson() {}

    /**
     * Reads attributes written by {@link ItemCodec#writeItem} from {@code in} (a buffer over an array)
     * and writes them as one JSON object of attribute values.
     */
    public static void writeItem(ByteBuffer in, JsonGenerator out) throws IOException {
        int count = ItemCodec.readCount(in);
        out.writeStartObject();
        for (int i = 0; i < count; i++) {
            int length = ItemCodec.readCount(in);
            out.writeFieldName(
                    new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8));
            skip(in, length);
            writeValue(in, out);
        }
        out.writeEndObject();
    }

    private static void writeValue(ByteBuffer in, JsonGenerator out) throws IOException {
        byte tag = in.get();
        SerializableString type = tag >= 0 ? TYPE_NAMES[tag] : null;
        if (type == null) {
            throw new StoreException("a stored value has unknown type tag " + tag);
        }
        out.writeStartObject();
        out.writeFieldName(type);
        switch (tag) {
            case 'S', 'N' -> writeText(in, out);
            case 'B' -> writeBinary(in, out);
            case 'T', '0' -> out.writeBoolean(true);
            case 'F' -> out.writeBoolean(false);
            case 'M' -> writeItem(in, out);
            default -> {
                int count = ItemCodec.readCount(in);
                out.writeStartArray();
                for (int i = 0; i < count; i++) {
                    switch (tag) {
                        case 'L' -> writeValue(in, out);
                        case 'b' -> writeBinary(in, out);
                        default -> writeText(in, out);
                    }
                }
                out.writeEndArray();
            }
        }
        out.writeEndObject();
    }

    private static void writeText(ByteBuffer in, JsonGenerator out) throws IOException {
        int length = ItemCodec.readCount(in);
        out.writeUTF8String(in.array(), in.arrayOffset() + in.position(), length);
        skip(in, length);
    }

    private static void writeBinary(ByteBuffer in, JsonGenerator out) throws IOException {
        int length = ItemCodec.readCount(in);
        out.writeBinary(in.array(), in.arrayOffset() + in.position(), length);
        skip(in, length);
    }

    private static void skip(ByteBuffer in, int length) {
        in.position(in.position() + length);
    }
}
