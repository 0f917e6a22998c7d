package io.shardline.items.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValueJsonTest {

    private static Map<String, AttributeValue> read(String json) {
        return DynamoDbJson.readItem(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Map<String, AttributeValue> item) {
        return new String(DynamoDbJson.writeItem(item), StandardCharsets.UTF_8);
    }

    @Test
    void allTenTypesRoundTrip() {
        String json = "{\"s\":{\"S\":\"text\"},\"n\":{\"N\":\"-12.5\"},\"b\":{\"B\":\"AAEC\"},"
                + "\"bool\":{\"BOOL\":false},\"null\":{\"NULL\":true},"
                + "\"m\":{\"M\":{\"inner\":{\"L\":[{\"S\":\"x\"},{\"N\":\"1\"}]}}},\"l\":{\"L\":[]},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AQ==\",\"Ag==\"]}}";
        Map<String, AttributeValue> item = read(json);
        assertEquals(10, item.size());
        assertEquals(new AttributeValue.BOOL(false), item.get("bool"));
        assertEquals(new AttributeValue.NULL(), item.get("null"));
        assertEquals(json, write(item));
        assertEquals(item, read(write(item)));
    }

    @Test
    void numbersAreWrittenNormalised() {
        assertEquals(
                "{\"n\":{\"N\":\"1.5\"},\"ns\":{\"NS\":[\"100\"]}}",
                write(read("{\"n\":{\"N\":\"15E-1\"},\"ns\":{\"NS\":[\"1E2\"]}}")));
    }

    @Test
    void setsEqualRegardlessOfOrder() {
        assertEquals(read("{\"a\":{\"SS\":[\"x\",\"y\"]}}"), read("{\"a\":{\"SS\":[\"y\",\"x\"]}}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":{\"SS\":[\"x\",\"x\"]}}|contains duplicates",
                "{\"a\":{\"NS\":[\"1\",\"1.0\"]}}|contains duplicates",
                "{\"a\":{\"BS\":[\"AQ==\",\"AQ==\"]}}|contains duplicates",
                "{\"a\":{\"SS\":[]}}|may not be empty",
                "{\"a\":{\"NS\":[]}}|may not be empty",
                "{\"a\":{\"S\":\"x\",\"N\":\"1\"}}|more than one datatypes",
                "{\"a\":{}}|is empty",
                "{\"a\":{\"NULL\":false}}|must have the value of true",
                "{\"a\":{\"N\":\"one\"}}|cannot be converted to a numeric value: one",
                "{\"a\":{\"N\":1}}|must be a string",
                "{\"a\":{\"X\":\"1\"}}|unknown datatype: X",
                "{\"a\":{\"B\":\"***\"}}|Invalid base64",
            })
    void invalidValuesAreRejectedWithTheReason(String json, String reason) {
        DynamoException e = assertThrows(DynamoException.class, () -> read(json));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertThat(e).hasMessageContaining(reason);
    }
}
