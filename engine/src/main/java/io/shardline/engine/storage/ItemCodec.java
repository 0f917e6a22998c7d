package io.shardline.engine.storage;

import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import io.shardline.items.DynamoNumber;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's on-disk form of items and attribute values, separate from the wire JSON so that a
 * change to the protocol layer cannot change what is stored. A stored item is a format version byte,
 * then its attributes: an unsigned varint count, and per attribute a name and a value. A value is a
 * type tag and its content; strings, numbers (normalized decimal text) and binaries are
 * varint-length-prefixed bytes; maps, lists and sets are varint counts of their elements.
 */
public final class ItemCodec {
    /** The format version every stored item, index entry and change record starts with. */
    public static final byte FORMAT_VERSION = 1;

    private ItemCodec() {}

    /** An item as stored: the format version, then its attributes. */
    public static byte[] encode(Map<String, AttributeValue> item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(FORMAT_VERSION);
        writeItem(item, out);
        return out.toByteArray();
    }

    /** The item stored as {@code bytes}; fails for another format version or damaged bytes. */
    public static Map<String, AttributeValue> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        checkVersion(in);
        Map<String, AttributeValue> item = readItem(in);
        if (in.hasRemaining()) {
            throw new StoreException("a stored item has " + in.remaining() + " bytes after its end");
        }
        return item;
    }

    /** Reads and checks the format version byte at the start of a stored value. */
    static void checkVersion(ByteBuffer in) {
        byte version = in.get();
        if (version != FORMAT_VERSION) {
            throw new StoreException(
                    "a stored value has format version " + version + "; this engine reads version " + FORMAT_VERSION);
        }
    }

    /** Writes an item's attributes without a version byte, as part of a larger stored value. */
    public static void writeItem(Map<String, AttributeValue> item, ByteArrayOutputStream out) {
        writeVarint(item.size(), out);
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            writeText(attribute.getKey(), out);
            writeValue(attribute.getValue(), out);
        }
    }

    /** Reads attributes written by {@link #writeItem}. */
    public static Map<String, AttributeValue> readItem(ByteBuffer in) {
        int count = readCount(in);
        Map<String, AttributeValue> item = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            item.put(readText(in), readValue(in));
        }
        return item;
    }

    private static void writeValue(AttributeValue value, ByteArrayOutputStream out) {
        if (value instanceof AttributeValue.S s) {
            out.write('S');
            writeText(s.value(), out);
        } else if (value instanceof AttributeValue.N n) {
            out.write('N');
            writeText(n.value().toString(), out);
        } else if (value instanceof AttributeValue.B b) {
            out.write('B');
            writeBytes(b.value().toArray(), out);
        } else if (value instanceof AttributeValue.BOOL bool) {
            out.write(bool.value() ? 'T' : 'F');
        } else if (value instanceof AttributeValue.NULL) {
            out.write('0');
        } else if (value instanceof AttributeValue.M m) {
            out.write('M');
            writeItem(m.value(), out);
        } else if (value instanceof AttributeValue.L l) {
            out.write('L');
            writeVarint(l.value().size(), out);
            l.value().forEach(element -> writeValue(element, out));
        } else if (value instanceof AttributeValue.SS ss) {
            out.write('s');
            writeVarint(ss.value().size(), out);
            ss.value().forEach(element -> writeText(element, out));
        } else if (value instanceof AttributeValue.NS ns) {
            out.write('n');
            writeVarint(ns.value().size(), out);
            ns.value().forEach(element -> writeText(element.toString(), out));
        } else if (value instanceof AttributeValue.BS bs) {
            out.write('b');
            writeVarint(bs.value().size(), out);
            bs.value().forEach(element -> writeBytes(element.toArray(), out));
        } else {
            throw new IllegalArgumentException("no stored form for " + value);
        }
    }

    private static AttributeValue readValue(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case 'S' -> new AttributeValue.S(readText(in));
            case 'N' -> new AttributeValue.N(DynamoNumber.parse(readText(in)));
            case 'B' -> new AttributeValue.B(Bytes.copyOf(readBytes(in)));
            case 'T' -> new AttributeValue.BOOL(true);
            case 'F' -> new AttributeValue.BOOL(false);
            case '0' -> new AttributeValue.NULL();
            case 'M' -> new AttributeValue.M(readItem(in));
            case 'L' -> {
                int count = readCount(in);
                List<AttributeValue> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    elements.add(readValue(in));
                }
                yield new AttributeValue.L(elements);
            }
            case 's' -> AttributeValue.SS.of(readElements(in, () -> readText(in)));
            case 'n' -> AttributeValue.NS.of(readElements(in, () -> DynamoNumber.parse(readText(in))));
            case 'b' -> AttributeValue.BS.of(readElements(in, () -> Bytes.copyOf(readBytes(in))));
            default -> throw new StoreException("a stored value has unknown type tag " + tag);
        };
    }

    private static <E> Collection<E> readElements(ByteBuffer in, Supplier<E> element) {
        int count = readCount(in);
        List<E> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(element.get());
        }
        return elements;
    }

    /** Text as varint-length-prefixed UTF-8. */
    public static void writeText(String text, ByteArrayOutputStream out) {
        writeBytes(text.getBytes(StandardCharsets.UTF_8), out);
    }

    public static String readText(ByteBuffer in) {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(byte[] bytes, ByteArrayOutputStream out) {
        writeVarint(bytes.length, out);
        out.write(bytes, 0, bytes.length);
    }

    private static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[readCount(in)];
        in.get(bytes);
        return bytes;
    }

    /** An unsigned LEB128 varint. */
    public static void writeVarint(long value, ByteArrayOutputStream out) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    public static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new StoreException("a stored varint is longer than 64 bits");
    }

    /** A count or length, which must fit what is left to read. */
    static int readCount(ByteBuffer in) {
        long count = readVarint(in);
        if (count < 0 || count > in.remaining()) {
            throw new StoreException("a stored count of " + count + " exceeds the " + in.remaining() + " bytes left");
        }
        return (int) count;
    }
}
