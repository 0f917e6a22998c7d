package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.DynamoException;
import io.shardline.engine.model.ErrorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * DynamoDB's JSON 1.0 shapes: members in UpperCamelCase, absent members omitted, attribute values
 * in DynamoDB JSON. Request members the engine does not know are refused by name rather than
 * silently ignored.
 */
public final class DynamoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.WRAP_EXCEPTIONS)
            .registerModule(AttributeValueJson.module());

    private static final TypeReference<Map<String, AttributeValue>> ITEM = new TypeReference<>() {
    };

    private DynamoJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a request body; malformed or unknown members become a DynamoDB error. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw DynamoException.validation("Unsupported parameter: " + e.getPropertyName());
        } catch (DynamoException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new DynamoException(ErrorType.SERIALIZATION, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writeItem(Map<String, AttributeValue> item) {
        return write(item);
    }

    public static Map<String, AttributeValue> readItem(byte[] json) {
        try {
            return MAPPER.readValue(json, ITEM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
