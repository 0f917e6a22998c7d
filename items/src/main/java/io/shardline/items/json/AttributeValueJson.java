package io.shardline.items.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import io.shardline.items.DynamoException;
import io.shardline.items.DynamoNumber;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes attribute values in DynamoDB JSON: an object with exactly one member named for
 * the type, such as {@code {"N":"1.5"}} or {@code {"SS":["a","b"]}}. Invalid values fail with the
 * ValidationException DynamoDB raises.
 */
public final class AttributeValueJson {
    private AttributeValueJson() {}

    /** The Jackson module that reads and writes {@link AttributeValue}s in DynamoDB JSON. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("dynamodb-attribute-values");
        module.addSerializer(AttributeValue.class, new Writer());
        module.addDeserializer(AttributeValue.class, new Reader());
        return module;
    }

    private static final class Writer extends JsonSerializer<AttributeValue> {
        @Override
        public void serialize(AttributeValue value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeFieldName(value.type());
            if (value instanceof AttributeValue.S s) {
                out.writeString(s.value());
            } else if (value instanceof AttributeValue.N n) {
                out.writeString(n.value().toString());
            } else if (value instanceof AttributeValue.B b) {
                out.writeString(b.value().toBase64());
            } else if (value instanceof AttributeValue.BOOL bool) {
                out.writeBoolean(bool.value());
            } else if (value instanceof AttributeValue.NULL) {
                out.writeBoolean(true);
            } else if (value instanceof AttributeValue.M m) {
                out.writeStartObject();
                for (Map.Entry<String, AttributeValue> entry : m.value().entrySet()) {
                    out.writeFieldName(entry.getKey());
                    serialize(entry.getValue(), out, provider);
                }
                out.writeEndObject();
            } else if (value instanceof AttributeValue.L l) {
                out.writeStartArray();
                for (AttributeValue element : l.value()) {
                    serialize(element, out, provider);
                }
                out.writeEndArray();
            } else if (value instanceof AttributeValue.SS ss) {
                writeStrings(out, ss.value().stream().toList());
            } else if (value instanceof AttributeValue.NS ns) {
                writeStrings(
                        out, ns.value().stream().map(DynamoNumber::toString).toList());
            } else if (value instanceof AttributeValue.BS bs) {
                writeStrings(out, bs.value().stream().map(Bytes::toBase64).toList());
            }
            out.writeEndObject();
        }

        private static void writeStrings(JsonGenerator out, List<String> strings) throws IOException {
            out.writeStartArray();
            for (String s : strings) {
                out.writeString(s);
            }
            out.writeEndArray();
        }
    }

    private static final class Reader extends JsonDeserializer<AttributeValue> {
        @Override
        public AttributeValue deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return read(in, 0);
        }

        /** Reads a value nested inside {@code depth} maps and lists, refusing DynamoDB's limit before recursing. */
        private AttributeValue read(JsonParser in, int depth) throws IOException {
            if (depth > AttributeValue.MAX_DEPTH) {
                throw DynamoException.validation("Nesting Levels have exceeded supported limits: attribute values "
                        + "nest maps and lists more than " + AttributeValue.MAX_DEPTH + " levels deep");
            }
            if (in.currentToken() != JsonToken.START_OBJECT) {
                throw DynamoException.validation(
                        "Supplied AttributeValue must be an object, found " + in.currentToken());
            }
            AttributeValue value = null;
            for (String type = in.nextFieldName(); type != null; type = in.nextFieldName()) {
                in.nextToken();
                if (in.currentToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != null) {
                    throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, "
                            + "must contain exactly one of the supported datatypes");
                }
                value = readTyped(type, in, depth);
            }
            if (value == null) {
                throw DynamoException.validation(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
            }
            return value;
        }

        private AttributeValue readTyped(String type, JsonParser in, int depth) throws IOException {
            switch (type) {
                case "S":
                    return new AttributeValue.S(text(in, type));
                case "N":
                    return new AttributeValue.N(DynamoNumber.parse(text(in, type)));
                case "B":
                    return new AttributeValue.B(Bytes.fromBase64(text(in, type)));
                case "BOOL":
                    return new AttributeValue.BOOL(bool(in, type));
                case "NULL":
                    if (!bool(in, type)) {
                        throw DynamoException.invalidParameter(
                                "Null attribute value types must have the value of true");
                    }
                    return new AttributeValue.NULL();
                case "M":
                    expect(in, JsonToken.START_OBJECT, type);
                    Map<String, AttributeValue> map = new LinkedHashMap<>();
                    for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
                        in.nextToken();
                        map.put(name, read(in, depth + 1));
                    }
                    return new AttributeValue.M(map);
                case "L":
                    expect(in, JsonToken.START_ARRAY, type);
                    List<AttributeValue> list = new ArrayList<>();
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        list.add(read(in, depth + 1));
                    }
                    return new AttributeValue.L(list);
                case "SS":
                    return AttributeValue.SS.of(texts(in, type));
                case "NS":
                    return AttributeValue.NS.of(
                            texts(in, type).stream().map(DynamoNumber::parse).toList());
                case "BS":
                    return AttributeValue.BS.of(
                            texts(in, type).stream().map(Bytes::fromBase64).toList());
                default:
                    throw DynamoException.validation("Supplied AttributeValue has an unknown datatype: " + type);
            }
        }

        private static String text(JsonParser in, String type) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw DynamoException.validation("The " + type + " member of an AttributeValue must be a string");
            }
            return in.getText();
        }

        private static boolean bool(JsonParser in, String type) throws IOException {
            if (!in.currentToken().isBoolean()) {
                throw DynamoException.validation("The " + type + " member of an AttributeValue must be a boolean");
            }
            return in.getBooleanValue();
        }

        private static List<String> texts(JsonParser in, String type) throws IOException {
            expect(in, JsonToken.START_ARRAY, type);
            List<String> texts = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
                texts.add(text(in, type));
            }
            return texts;
        }

        private static void expect(JsonParser in, JsonToken token, String type) {
            if (in.currentToken() != token) {
                throw DynamoException.validation("The " + type + " member of an AttributeValue must be "
                        + (token == JsonToken.START_ARRAY ? "an array" : "an object"));
            }
        }
    }
}
