package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.List;

/**
 * ExecuteTransaction: up to 100 PartiQL statements, all single-item reads (one consistent point in
 * time) or all writes (all applied or none), as TransactGetItems and TransactWriteItems do.
 */
public final class ExecuteTransaction {
    private ExecuteTransaction() {}

    public record Request(
            @Required List<Statement> transactStatements, String clientRequestToken, String returnConsumedCapacity) {}

    public record Statement(
            @Required String statement, List<AttributeValue> parameters, String returnValuesOnConditionCheckFailure) {}

    /** For reads, one response per statement; for writes, none. */
    public record Response(List<TransactGetItems.ItemResponse> responses) {}
}
