package io.shardline.items.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated input for the parser and evaluators: grammar-shaped random expressions, mutations of them
 * and random bytes. Each either evaluates or fails with a ValidationException, never anything else.
 */
class ExpressionFuzzTest {
    private static final String[] PATHS = {
        "n",
        "s",
        "l[0]",
        "l[2].deep",
        "m.k",
        "m.child.z",
        "#n",
        "#m.#k",
        "ss",
        "absent",
        "b",
        "t",
        "nul",
        "ns",
        "l[99]",
        "#dot"
    };
    private static final String[] VALUES = {
        ":five",
        ":four",
        ":s",
        ":he",
        ":x",
        ":true",
        ":nul",
        ":ssab",
        ":list",
        ":list2",
        ":one",
        ":bin",
        ":typeS",
        ":typeBad",
        ":ns1",
        ":blank",
        ":zero"
    };
    private static final String[] COMPARATORS = {"=", "<>", "<", "<=", ">", ">="};
    private static final String[] FUNCTIONS = {
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"
    };
    private static final String ALPHABET = "abcnmsl#:=<>()[].,_ 0123456789ANDORNOTSETREMOVEADDDELETE+-$'\"\u00e9";

    private final Random random = new Random(20261125);
    private final Map<String, AttributeValue> item = ExpressionFixture.item();

    @Test
    void generatedConditionsParseOrFailWithValidationOnly() {
        for (int i = 0; i < 4000; i++) {
            String expression = condition(0);
            tryAll(expression);
            tryAll(mutate(expression));
        }
    }

    @Test
    void generatedUpdatesParseOrFailWithValidationOnly() {
        for (int i = 0; i < 4000; i++) {
            String expression = update();
            tryAll(expression);
            tryAll(mutate(expression));
        }
    }

    @Test
    void randomTextAndBytesFailWithValidationOnly() {
        for (int i = 0; i < 4000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            tryAll(text.toString());
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            tryAll(new String(bytes, StandardCharsets.UTF_8));
        }
        tryAll("(".repeat(5000) + "n = :five" + ")".repeat(5000));
        tryAll("NOT ".repeat(5000) + "n = :five");
        tryAll("SET n = " + "if_not_exists(n, ".repeat(3000) + ":five" + ")".repeat(3000));
    }

    private void tryAll(String expression) {
        for (ExpressionKind kind :
                List.of(ExpressionKind.CONDITION, ExpressionKind.UPDATE, ExpressionKind.PROJECTION)) {
            try {
                ExpressionAttributes attributes = ExpressionFixture.attributes();
                switch (kind) {
                    case CONDITION ->
                        ConditionEvaluator.matches(ExpressionParser.condition(kind, expression, attributes), item);
                    case UPDATE -> UpdateEvaluator.apply(ExpressionParser.update(expression, attributes), item);
                    default -> Projector.project(item, ExpressionParser.projection(expression, attributes));
                }
            } catch (DynamoException e) {
                assertEquals(ErrorType.VALIDATION, e.type(), expression);
            } catch (RuntimeException | StackOverflowError e) {
                fail(kind + " of '" + expression + "' threw " + e, e);
            }
        }
    }

    private String condition(int depth) {
        int choice = random.nextInt(depth > 3 ? 5 : 9);
        return switch (choice) {
            case 0, 1 -> operand() + " " + pick(COMPARATORS) + " " + operand();
            case 2 -> operand() + " BETWEEN " + operand() + " AND " + operand();
            case 3 -> operand() + " IN (" + operand() + ", " + operand() + ")";
            case 4 -> {
                String function = pick(FUNCTIONS);
                yield function + "(" + pick(PATHS)
                        + (function.startsWith("attribute_e") || function.contains("not") ? "" : ", " + operand())
                        + ")";
            }
            case 5 -> condition(depth + 1) + " AND " + condition(depth + 1);
            case 6 -> condition(depth + 1) + " OR " + condition(depth + 1);
            case 7 -> "NOT " + condition(depth + 1);
            default -> "(" + condition(depth + 1) + ")";
        };
    }

    private String operand() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(VALUES);
            case 1 -> "size(" + pick(PATHS) + ")";
            default -> pick(PATHS);
        };
    }

    private String update() {
        StringBuilder update = new StringBuilder();
        for (String clause : List.of("SET", "REMOVE", "ADD", "DELETE")) {
            if (random.nextBoolean()) {
                continue;
            }
            update.append(clause).append(' ');
            int actions = 1 + random.nextInt(2);
            for (int i = 0; i < actions; i++) {
                if (i > 0) {
                    update.append(", ");
                }
                update.append(pick(PATHS));
                switch (clause) {
                    case "SET" -> update.append(" = ").append(setValue(0));
                    case "REMOVE" -> {}
                    default -> update.append(' ').append(pick(VALUES));
                }
            }
            update.append(' ');
        }
        return update.toString();
    }

    private String setValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 2 : 5)) {
            case 0 -> pick(VALUES);
            case 1 -> pick(PATHS);
            case 2 -> setValue(depth + 1) + (random.nextBoolean() ? " + " : " - ") + setValue(depth + 1);
            case 3 -> "if_not_exists(" + pick(PATHS) + ", " + setValue(depth + 1) + ")";
            default -> "list_append(" + setValue(depth + 1) + ", " + setValue(depth + 1) + ")";
        };
    }

    private String mutate(String expression) {
        StringBuilder text = new StringBuilder(expression);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
