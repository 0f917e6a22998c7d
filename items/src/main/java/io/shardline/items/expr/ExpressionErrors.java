package io.shardline.items.expr;

import io.shardline.items.DynamoException;

/** The ValidationExceptions of expressions, worded as DynamoDB words them and naming the position. */
final class ExpressionErrors {
    private ExpressionErrors() {}

    static DynamoException syntax(ExpressionKind kind, String text, String token, int position) {
        int from = Math.max(0, position - 10);
        int to = Math.min(text.length(), position + Math.max(token.length(), 1) + 10);
        return invalid(
                kind,
                "Syntax error; token: \"" + token + "\", near: \"" + text.substring(from, to) + "\" at position "
                        + position);
    }

    static DynamoException invalid(ExpressionKind kind, String detail) {
        return DynamoException.validation("Invalid " + kind.member() + ": " + detail);
    }
}
