package io.shardline.engine.item;

import io.shardline.items.DynamoException;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy parameters and the expressions one request holds: DynamoDB refuses a request that mixes
 * them, naming both kinds in the order of its API.
 */
final class ParameterMix {
    private final List<String> legacy = new ArrayList<>();
    private final List<String> expressions = new ArrayList<>();

    /** Notes a legacy parameter when the request holds it. */
    ParameterMix legacy(String name, Object value) {
        if (value != null) {
            legacy.add(name);
        }
        return this;
    }

    /** Notes an expression parameter when the request holds it. */
    ParameterMix expression(String name, Object value) {
        if (value != null) {
            expressions.add(name);
        }
        return this;
    }

    void check() {
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
                    + String.join(", ", expressions) + "}");
        }
    }
}
