package io.shardline.connector.sink.opensearch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shardline.connector.codec.PlainJson;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The OpenSearch document of a table item. Its id comes from the item's key: each key value as text
 * (a string as it is, a number's digits, binary in base64) with {@code \} and {@code |} escaped by a
 * backslash, partition and sort key joined by {@code |}; an id longer than OpenSearch's 512 bytes
 * becomes {@code \#} and the SHA-256 of that text in hex, which no escaped key can start with. Its
 * source holds every attribute in {@link PlainJson} and, under one metadata field, what the caller
 * says about the change.
 */
@PublicEvolving
public final class ItemDocuments implements Serializable {
    /** OpenSearch's limit on a document id, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 512;
    private static final JsonFactory JSON = new JsonFactory();
    private final List<String> keyAttributes;
    private final String metadataField;

    /**
     * @param keyAttributes the partition key's name, then the sort key's if the table has one
     * @param metadataField the source field that holds the change's metadata
     */
    public ItemDocuments(List<String> keyAttributes, String metadataField) {
        if (keyAttributes.isEmpty() || keyAttributes.size() > 2) {
            throw new IllegalArgumentException("A table key has one or two attributes, not " + keyAttributes);
        }
        this.keyAttributes = List.copyOf(keyAttributes);
        this.metadataField = metadataField;
    }

    /** The document id of the item (or of its key alone). */
    public String id(Map<String, AttributeValue> item) {
        StringBuilder id = new StringBuilder();
        for (String name : keyAttributes) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Item has no key attribute " + name + ": " + item.keySet());
            }
            if (id.length() > 0) {
                id.append('|');
            }
            String text = switch (value.type()) {
                case S -> value.s();
                case N -> value.n();
                case B -> Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
                default -> throw new IllegalArgumentException("Key attribute " + name + " must be S, N or B, not "
                        + value.type());
            };
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' || c == '|') {
                    id.append('\\');
                }
                id.append(c);
            }
        }
        String text = id.toString();
        byte[] bytes = text.getBytes(UTF_8);
        return bytes.length <= MAX_ID_BYTES ? text : "\\#" + HexFormat.of().formatHex(sha256(bytes));
    }

    /** The document source: the item's attributes, and {@code metadata} (simple values) under the metadata field. */
    public String source(Map<String, AttributeValue> item, Map<String, ?> metadata) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            PlainJson.writeMembers(item, out);
            if (!metadata.isEmpty()) {
                out.writeObjectFieldStart(metadataField);
                for (Map.Entry<String, ?> field : metadata.entrySet()) {
                    out.writeFieldName(field.getKey());
                    writeSimple(field.getValue(), out);
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeSimple(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Long n) {
            out.writeNumber(n);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else {
            out.writeString(value.toString());
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256", e);
        }
    }
}
