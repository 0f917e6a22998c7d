package io.shardline.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DynamoJsonTest {
    @Test
    void unknownRequestMembersAreRefusedByName() {
        DynamoException e = assertThrows(
                DynamoException.class,
                () -> DynamoJson.read(
                        "{\"TableName\":\"t\",\"Item\":{},\"Flavour\":{}}".getBytes(StandardCharsets.UTF_8),
                        PutItem.Request.class));
        assertEquals("Unsupported parameter: Flavour", e.getMessage());
    }

    @Test
    void malformedJsonIsASerializationError() {
        DynamoException e = assertThrows(
                DynamoException.class,
                () -> DynamoJson.read("{\"TableName\":".getBytes(StandardCharsets.UTF_8), PutItem.Request.class));
        assertEquals(ErrorType.SERIALIZATION, e.type());
    }
}
