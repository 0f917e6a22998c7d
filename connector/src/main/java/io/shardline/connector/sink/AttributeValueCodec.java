package io.shardline.connector.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A compact binary form of DynamoDB attribute values, for the sink's checkpointed buffer. */
final class AttributeValueCodec {
    private AttributeValueCodec() {
    }

    static void writeMap(Map<String, AttributeValue> map, DataOutputStream out) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            write(entry.getValue(), out);
        }
    }

    static Map<String, AttributeValue> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), read(in));
        }
        return map;
    }

    private static void write(AttributeValue value, DataOutputStream out) throws IOException {
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
                out.writeInt(value.l().size());
                for (AttributeValue element : value.l()) {
                    write(element, out);
                }
            }
            case SS -> {
                out.writeByte('s');
                out.writeInt(value.ss().size());
                for (String s : value.ss()) {
                    writeString(s, out);
                }
            }
            case NS -> {
                out.writeByte('n');
                out.writeInt(value.ns().size());
                for (String n : value.ns()) {
                    out.writeUTF(n);
                }
            }
            case BS -> {
                out.writeByte('b');
                out.writeInt(value.bs().size());
                for (SdkBytes b : value.bs()) {
                    writeBytes(b, out);
                }
            }
            default -> throw new IOException("Cannot write an attribute value of unknown type: " + value);
        }
    }

    private static AttributeValue read(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case 'S' -> AttributeValue.fromS(readString(in));
            case 'N' -> AttributeValue.fromN(in.readUTF());
            case 'B' -> AttributeValue.fromB(readBytes(in));
            case 'T' -> AttributeValue.fromBool(in.readBoolean());
            case '0' -> AttributeValue.fromNul(true);
            case 'M' -> AttributeValue.fromM(readMap(in));
            case 'L' -> {
                int size = in.readInt();
                List<AttributeValue> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield AttributeValue.fromL(list);
            }
            case 's' -> {
                int size = in.readInt();
                List<String> set = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    set.add(readString(in));
                }
                yield AttributeValue.fromSs(set);
            }
            case 'n' -> {
                int size = in.readInt();
                List<String> set = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    set.add(in.readUTF());
                }
                yield AttributeValue.fromNs(set);
            }
            case 'b' -> {
                int size = in.readInt();
                List<SdkBytes> set = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    set.add(readBytes(in));
                }
                yield AttributeValue.fromBs(set);
            }
            default -> throw new IOException("Unknown attribute value type tag " + type);
        };
    }

    /** Strings as length-prefixed UTF-8: writeUTF stops at 64 KB, items go to 400 KB. */
    private static void writeString(String s, DataOutputStream out) throws IOException {
        writeBytes(SdkBytes.fromUtf8String(s), out);
    }

    private static String readString(DataInputStream in) throws IOException {
        return readBytes(in).asUtf8String();
    }

    private static void writeBytes(SdkBytes bytes, DataOutputStream out) throws IOException {
        byte[] raw = bytes.asByteArrayUnsafe();
        out.writeInt(raw.length);
        out.write(raw);
    }

    private static SdkBytes readBytes(DataInputStream in) throws IOException {
        byte[] raw = new byte[in.readInt()];
        in.readFully(raw);
        return SdkBytes.fromByteArray(raw);
    }
}
