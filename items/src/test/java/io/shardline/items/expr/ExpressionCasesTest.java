package io.shardline.items.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.shardline.items.json.DynamoDbJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of expression-cases.txt against {@link ExpressionFixture}. */
class ExpressionCasesTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = ExpressionCasesTest.class.getResourceAsStream("expression-cases.txt")) {
            int number = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ", -1);
                cases.add(Arguments.of(number, parts[0].trim(), parts[1].trim(), parts[2].trim()));
            }
        }
        return cases.stream();
    }

    @Test
    void thereAreAtLeastTwoHundredCases() throws IOException {
        assertTrue(cases().count() >= 200);
    }

    @ParameterizedTest(name = "line {0}: {1} | {2} | {3}")
    @MethodSource("cases")
    void expressionGivesTheDocumentedResult(int line, String kind, String expression, String expected)
            throws Exception {
        if (expected.startsWith("error: ")) {
            DynamoException e = assertThrows(DynamoException.class, () -> run(kind, expression));
            assertEquals(ErrorType.VALIDATION, e.type());
            assertThat(e).hasMessageContaining(expected.substring("error: ".length()));
            return;
        }
        Object result = run(kind, expression);
        switch (kind) {
            case "C" -> assertEquals(Boolean.parseBoolean(expected), result);
            case "P" -> assertEquals(item(expected), result);
            default -> {
                @SuppressWarnings("unchecked")
                Map<String, AttributeValue> updated = (Map<String, AttributeValue>) result;
                JsonNode wanted = new ObjectMapper().readTree(expected);
                for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> attribute = it.next();
                    if (attribute.getValue().isNull()) {
                        assertNull(updated.get(attribute.getKey()), attribute.getKey() + " should be absent");
                    } else {
                        assertEquals(value(attribute.getValue()), updated.get(attribute.getKey()), attribute.getKey());
                    }
                }
            }
        }
    }

    private static AttributeValue value(JsonNode json) {
        return DynamoDbJson.readItem(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8))
                .get("v");
    }

    private static Object run(String kind, String expression) {
        ExpressionAttributes attributes = ExpressionFixture.attributes();
        Map<String, AttributeValue> item = ExpressionFixture.item();
        return switch (kind) {
            case "C" ->
                ConditionEvaluator.matches(
                        ExpressionParser.condition(ExpressionKind.CONDITION, expression, attributes), item);
            case "P" -> Projector.project(item, ExpressionParser.projection(expression, attributes));
            default -> UpdateEvaluator.apply(ExpressionParser.update(expression, attributes), item);
        };
    }

    private static Map<String, AttributeValue> item(String json) {
        return DynamoDbJson.readItem(json.getBytes(StandardCharsets.UTF_8));
    }
}
