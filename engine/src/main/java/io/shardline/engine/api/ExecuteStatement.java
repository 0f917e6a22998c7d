package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement (SELECT, INSERT, UPDATE or DELETE) with its {@code ?}
 * parameters; a SELECT answers a page of items and a NextToken for the next one.
 */
public final class ExecuteStatement {
    private ExecuteStatement() {}

    public record Request(
            @Required String statement,
            List<AttributeValue> parameters,
            Boolean consistentRead,
            String nextToken,
            String returnConsumedCapacity,
            Integer limit,
            String returnValuesOnConditionCheckFailure) {
        public static Request of(String statement, List<AttributeValue> parameters) {
            return new Request(statement, parameters, null, null, null, null, null);
        }
    }

    public record Response(List<Map<String, AttributeValue>> items, String nextToken) {}
}
