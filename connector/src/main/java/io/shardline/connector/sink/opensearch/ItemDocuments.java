package io.shardline.connector.sink.opensearch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.connector.codec.DynamoDbJson;
import io.shardline.connector.codec.PlainJson;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The OpenSearch document of a table item. Its id comes from the item's key: each key value as text
 * (a string as it is, a number's digits, binary in base64) with {@code \} and {@code |} escaped by a
 * backslash, partition and sort key joined by {@code |}; an id longer than OpenSearch's 512 bytes
 * becomes {@code \#} and the SHA-256 of that text in hex, which no escaped key can start with. Its
 * source holds every attribute in {@link PlainJson} and, under one metadata field, what the caller
 * says about the change.
 *
 * <p>With a typed field ({@link #withTypedField}), the document also carries the item in DynamoDB
 * JSON under that field, for an index that searches the typed copy and keeps the plain one in its
 * source only (see the index job's mapping): every value sits under its type ({@code price.N},
 * {@code tags.SS}, {@code address.M}), so no item's shape can clash with another's, whatever types an
 * attribute takes from item to item. Attribute names OpenSearch cannot take as object fields (with a
 * dot, or blank) are written there with {@code _} for each dot and {@code _} for a blank name.
 */
@PublicEvolving
public final class ItemDocuments implements Serializable {
    /** OpenSearch's limit on a document id, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 512;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper();
    private final List<String> keyAttributes;
    private final String metadataField;
    /** The field holding the item in DynamoDB JSON, or null for none. */
    private final String typedField;

    private final Set<String> untyped;

    /**
     * @param keyAttributes the partition key's name, then the sort key's if the table has one
     * @param metadataField the source field that holds the change's metadata
     */
    public ItemDocuments(List<String> keyAttributes, String metadataField) {
        this(keyAttributes, metadataField, null, Set.of());
    }

    private ItemDocuments(List<String> keyAttributes, String metadataField, String typedField, Set<String> untyped) {
        if (keyAttributes.isEmpty() || keyAttributes.size() > 2) {
            throw new IllegalArgumentException("A table key has one or two attributes, not " + keyAttributes);
        }
        this.keyAttributes = List.copyOf(keyAttributes);
        this.metadataField = metadataField;
        this.typedField = typedField;
        this.untyped = Set.copyOf(untyped);
    }

    /** These documents with the item in DynamoDB JSON under {@code field} too, but for the {@code untyped} attributes. */
    public ItemDocuments withTypedField(String field, Collection<String> untyped) {
        return new ItemDocuments(keyAttributes, metadataField, field, Set.copyOf(untyped));
    }

    /** The name an attribute has in the typed field: every dot as {@code _}, and {@code _} for a blank name. */
    public static String typedName(String attribute) {
        String name = attribute.replace('.', '_');
        return name.isBlank() ? "_" : name;
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
                default ->
                    throw new IllegalArgumentException(
                            "Key attribute " + name + " must be S, N or B, not " + value.type());
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
            if (typedField != null) {
                out.writeFieldName(typedField);
                writeTyped(item, out);
            }
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

    /**
     * The item in DynamoDB JSON by typed name. Two attributes whose typed names are the same (say
     * {@code a.b} and {@code a_b}) share one entry, each type's values together in an array.
     */
    private void writeTyped(Map<String, AttributeValue> item, JsonGenerator out) throws IOException {
        Map<String, List<AttributeValue>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (!untyped.contains(attribute.getKey())) {
                byName.computeIfAbsent(typedName(attribute.getKey()), name -> new ArrayList<>(1))
                        .add(attribute.getValue());
            }
        }
        out.writeStartObject();
        for (Map.Entry<String, List<AttributeValue>> typed : byName.entrySet()) {
            out.writeFieldName(typed.getKey());
            if (typed.getValue().size() == 1) {
                out.writeRawValue(DynamoDbJson.value(typed.getValue().get(0)));
                continue;
            }
            ObjectNode merged = TREES.createObjectNode();
            for (AttributeValue value : typed.getValue()) {
                TREES.readTree(DynamoDbJson.value(value))
                        .properties()
                        .forEach(type -> merged.withArray(type.getKey()).add(type.getValue()));
            }
            out.writeRawValue(merged.toString());
        }
        out.writeEndObject();
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
