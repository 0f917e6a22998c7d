package io.shardline.connector.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connector's one binary form of DynamoDB attribute values (all ten types), for checkpointed
 * state: a type tag per value, strings and binaries length-prefixed (so values past 64 KB work),
 * maps and lists with their element counts.
 */
@Internal
public final class AttributeValueBinary {
    private AttributeValueBinary() {}

    public static void writeMap(Map<String, AttributeValue> map, DataOutput out) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            write(entry.getValue(), out);
        }
    }

    public static Map<String, AttributeValue> readMap(DataInput in) throws IOException {
        int size = in.readInt();
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), read(in));
        }
        return map;
    }

    private static void write(AttributeValue value, DataOutput out) throws IOException {
        switch (value.type()) {
            case S -> {
                out.writeByte('S');
                writeString(value.s(), out);
            }
            case N -> {
                out.writeByte('N');
                out.writeUTF(value.n());
            }
            case B -> {
                out.writeByte('B');
                writeBytes(value.b(), out);
            }
            case BOOL -> {
                out.writeByte('T');
                out.writeBoolean(value.bool());
            }
            case NUL -> out.writeByte('0');
            case M -> {
                out.writeByte('M');
                writeMap(value.m(), out);
            }
            case L -> {
                out.writeByte('L');
                writeList(value.l(), AttributeValueBinary::write, out);
            }
            case SS -> {
                out.writeByte('s');
                writeList(value.ss(), AttributeValueBinary::writeString, out);
            }
            case NS -> {
                out.writeByte('n');
                writeList(value.ns(), (n, o) -> o.writeUTF(n), out);
            }
            case BS -> {
                out.writeByte('b');
                writeList(value.bs(), AttributeValueBinary::writeBytes, out);
            }
            default -> throw new IOException("Cannot write an attribute value of unknown type: " + value);
        }
    }

    private static AttributeValue read(DataInput in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case 'S' -> AttributeValue.fromS(readString(in));
            case 'N' -> AttributeValue.fromN(in.readUTF());
            case 'B' -> AttributeValue.fromB(readBytes(in));
            case 'T' -> AttributeValue.fromBool(in.readBoolean());
            case '0' -> AttributeValue.fromNul(true);
            case 'M' -> AttributeValue.fromM(readMap(in));
            case 'L' -> AttributeValue.fromL(readList(in, AttributeValueBinary::read));
            case 's' -> AttributeValue.fromSs(readList(in, AttributeValueBinary::readString));
            case 'n' -> AttributeValue.fromNs(readList(in, i -> i.readUTF()));
            case 'b' -> AttributeValue.fromBs(readList(in, AttributeValueBinary::readBytes));
            default -> throw new IOException("Unknown attribute value type tag " + type);
        };
    }

    /** Writes one element of a list or set. */
    @FunctionalInterface
    private interface ElementWriter<E> {
        void write(E element, DataOutput out) throws IOException;
    }

    /** Reads one element of a list or set. */
    @FunctionalInterface
    private interface ElementReader<E> {
        E read(DataInput in) throws IOException;
    }

    private static <E> void writeList(List<E> elements, ElementWriter<E> writer, DataOutput out) throws IOException {
        out.writeInt(elements.size());
        for (E element : elements) {
            writer.write(element, out);
        }
    }

    private static <E> List<E> readList(DataInput in, ElementReader<E> reader) throws IOException {
        int size = in.readInt();
        List<E> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(reader.read(in));
        }
        return elements;
    }

    /** Strings as length-prefixed UTF-8: writeUTF stops at 64 KB, items go to 400 KB. */
    private static void writeString(String s, DataOutput out) throws IOException {
        writeBytes(SdkBytes.fromUtf8String(s), out);
    }

    private static String readString(DataInput in) throws IOException {
        return readBytes(in).asUtf8String();
    }

    private static void writeBytes(SdkBytes bytes, DataOutput out) throws IOException {
        byte[] raw = bytes.asByteArrayUnsafe();
        out.writeInt(raw.length);
        out.write(raw);
    }

    private static SdkBytes readBytes(DataInput in) throws IOException {
        byte[] raw = new byte[in.readInt()];
        in.readFully(raw);
        return SdkBytes.fromByteArray(raw);
    }
}
