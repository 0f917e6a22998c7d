package io.shardline.connector.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValueBinaryTest {
    private static byte[] write(Map<String, AttributeValue> item) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AttributeValueBinary.writeMap(item, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void everyAttributeTypeRoundTripsUnchanged() throws IOException {
        Map<String, AttributeValue> item = AllAttributeTypes.item();
        byte[] bytes = write(item);
        assertEquals(item, AttributeValueBinary.readMap(new DataInputStream(new ByteArrayInputStream(bytes))));
    }

    @Test
    void anUnknownTypeTagIsAnErrorNamingIt() throws IOException {
        byte[] bytes = write(Map.of("a", AttributeValue.fromS("x")));
        bytes[4 + 2 + 1] = 'Z';
        IOException e = assertThrows(
                IOException.class,
                () -> AttributeValueBinary.readMap(new DataInputStream(new ByteArrayInputStream(bytes))));
        assertEquals("Unknown attribute value type tag " + (int) 'Z', e.getMessage());
    }
}
