package io.shardline.items.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardline.items.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Items in DynamoDB JSON ({@code {"id": {"S": "a"}, "n": {"N": "1.5"}}}), the one codec the engine,
 * the connector and the jobs read and write them with. Characters beyond the Basic Multilingual
 * Plane are written as UTF-8, as DynamoDB sends them; an invalid value fails with the
 * ValidationException DynamoDB raises, malformed JSON with an {@link UncheckedIOException}.
 */
public final class DynamoDbJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                    .build())
            .disable(DeserializationFeature.WRAP_EXCEPTIONS)
            .addModule(AttributeValueJson.module())
            .build();
    private static final TypeReference<Map<String, AttributeValue>> ITEM = new TypeReference<>() {};

    private DynamoDbJson() {}

    public static byte[] writeItem(Map<String, AttributeValue> item) {
        return write(item);
    }

    /** One attribute value, such as {@code {"N":"1.5"}}. */
    public static byte[] writeValue(AttributeValue value) {
        return write(value);
    }

    public static AttributeValue readValue(byte[] json) {
        try {
            return MAPPER.readValue(json, AttributeValue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, AttributeValue> readItem(byte[] json) {
        try {
            return MAPPER.readValue(json, ITEM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(Object json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
