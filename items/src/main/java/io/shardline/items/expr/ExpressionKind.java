package io.shardline.items.expr;

/** The request members that hold expressions; names error messages as DynamoDB does. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression");

    private final String member;

    ExpressionKind(String member) {
        this.member = member;
    }

    public String member() {
        return member;
    }
}
