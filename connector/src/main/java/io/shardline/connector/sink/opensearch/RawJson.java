package io.shardline.connector.sink.opensearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/** A document already in JSON, written into the bulk request as it is, without parsing it again. */
final class RawJson implements JsonSerializable {
    private final String json;

    RawJson(String json) {
        this.json = json;
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer type)
            throws IOException {
        serialize(out, serializers);
    }
}
