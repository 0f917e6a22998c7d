package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * BatchExecuteStatement: up to 25 PartiQL statements, all single-item reads or all writes, each
 * answered on its own (an item, or an error) in request order.
 */
public final class BatchExecuteStatement {
    private BatchExecuteStatement() {}

    public record Request(@Required List<Statement> statements, String returnConsumedCapacity) {}

    public record Statement(
            @Required String statement,
            List<AttributeValue> parameters,
            Boolean consistentRead,
            String returnValuesOnConditionCheckFailure) {}

    public record Response(List<StatementResponse> responses) {}

    public record StatementResponse(StatementError error, String tableName, Map<String, AttributeValue> item) {}

    /** A statement's failure: a BatchStatementErrorCodeEnum code, its message and, if asked, the item. */
    public record StatementError(String code, String message, Map<String, AttributeValue> item) {}
}
