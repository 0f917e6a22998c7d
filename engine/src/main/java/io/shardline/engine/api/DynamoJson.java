package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.shardline.items.json.AttributeValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DynamoDB's JSON 1.0 shapes: members in UpperCamelCase, absent members omitted, attribute values
 * in DynamoDB JSON, characters beyond the Basic Multilingual Plane as UTF-8 (as DynamoDB sends
 * them) rather than escaped surrogate pairs. Request members the engine does not know are refused
 * by name rather than silently ignored.
 */
public final class DynamoJson {
    private static final ObjectMapper MAPPER = strict(JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                    .disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.WRAP_EXCEPTIONS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(AttributeValueJson.module())
            .build());

    private DynamoJson() {}

    /**
     * Makes a member of the wrong JSON type a SerializationException, as DynamoDB answers, instead of
     * converting it: no strings, numbers and booleans turned into one another, no empty string read as
     * null, no fraction read as an integer (a whole number is a valid floating-point value).
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type :
                new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.String,
                            type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Integer,
                            type == LogicalType.Integer || type == LogicalType.Float
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Float,
                            type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Boolean,
                            type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a request body; malformed, unknown or missing required members become a DynamoDB error. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            T request = MAPPER.readValue(json, type);
            RequiredMembers.check(request);
            return request;
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
}
