package io.shardline.connector.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as plain JSON, the way search engines and most programs expect them: strings, numbers (their
 * exact digits, 38 of them if need be), booleans and null as themselves, binary as base64, sets and
 * lists as arrays, maps as objects. Unlike {@link DynamoDbJson} it drops the type tags, so a string
 * set and a list of strings look alike.
 */
@PublicEvolving
public final class PlainJson {
    /** What JSON accepts as a number; DynamoDB's own spellings outside it are rewritten by BigDecimal. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private PlainJson() {}

    /** Writes the attributes as the members of the object {@code out} has open. */
    public static void writeMembers(Map<String, AttributeValue> item, JsonGenerator out) throws IOException {
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            writeValue(attribute.getValue(), out);
        }
    }

    public static void writeValue(AttributeValue value, JsonGenerator out) throws IOException {
        switch (value.type()) {
            case S -> out.writeString(value.s());
            case N -> out.writeNumber(number(value.n()));
            case B -> out.writeString(base64(value.b()));
            case BOOL -> out.writeBoolean(value.bool());
            case NUL -> out.writeNull();
            case SS -> {
                out.writeStartArray();
                for (String s : value.ss()) {
                    out.writeString(s);
                }
                out.writeEndArray();
            }
            case NS -> {
                out.writeStartArray();
                for (String n : value.ns()) {
                    out.writeNumber(number(n));
                }
                out.writeEndArray();
            }
            case BS -> {
                out.writeStartArray();
                for (SdkBytes b : value.bs()) {
                    out.writeString(base64(b));
                }
                out.writeEndArray();
            }
            case L -> {
                out.writeStartArray();
                for (AttributeValue element : value.l()) {
                    writeValue(element, out);
                }
                out.writeEndArray();
            }
            case M -> {
                out.writeStartObject();
                writeMembers(value.m(), out);
                out.writeEndObject();
            }
            default -> throw new IllegalArgumentException("Attribute value of unknown type: " + value);
        }
    }

    /** A DynamoDB number as JSON number text with the same value and every digit. */
    public static String number(String n) {
        return JSON_NUMBER.matcher(n).matches() ? n : new BigDecimal(n.trim()).toString();
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
