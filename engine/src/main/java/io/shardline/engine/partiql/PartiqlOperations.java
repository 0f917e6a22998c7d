package io.shardline.engine.partiql;

import io.shardline.engine.api.BatchExecuteStatement;
import io.shardline.engine.api.ExecuteStatement;
import io.shardline.engine.api.ExecuteTransaction;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.TransactGetItems;
import io.shardline.engine.api.TransactWriteItems;
import io.shardline.engine.item.ItemOperations;
import io.shardline.engine.item.QueryOperations;
import io.shardline.engine.item.TransactionOperations;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableDefinition;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.shardline.items.KeySchema;
import io.shardline.items.json.DynamoDbJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: each PartiQL statement is parsed,
 * turned into the item request it stands for ({@link StatementCompiler}) and run as that request, so
 * it is validated, conditioned and streamed exactly like one.
 */
public final class PartiqlOperations {
    static final int MAX_BATCH = 25;
    static final int MAX_TRANSACTION = 100;

    private final ItemOperations items;
    private final QueryOperations queries;
    private final TransactionOperations transactions;
    private final StatementCompiler compiler;

    public PartiqlOperations(
            TableCatalog catalog, ItemOperations items, QueryOperations queries, TransactionOperations transactions) {
        this.items = items;
        this.queries = queries;
        this.transactions = transactions;
        this.compiler = new StatementCompiler((table, index) -> keySchema(catalog, table, index));
    }

    public ExecuteStatement.Response executeStatement(ExecuteStatement.Request request) {
        if (request.limit() != null && request.limit() < 1) {
            throw DynamoException.validation("1 validation error detected: Value '" + request.limit() + "' at 'limit' "
                    + "failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        StatementCompiler.Compiled compiled = compiler.compile(
                PartiqlParser.parse(request.statement(), request.parameters()),
                new StatementCompiler.Paging(request.limit(), startKey(request.nextToken()), request.consistentRead()),
                request.returnValuesOnConditionCheckFailure());
        if (compiled instanceof StatementCompiler.Get get) {
            Map<String, AttributeValue> item = items.getItem(get.request()).item();
            return new ExecuteStatement.Response(item == null ? List.of() : List.of(item), null);
        }
        if (compiled instanceof StatementCompiler.QueryRead || compiled instanceof StatementCompiler.ScanRead) {
            ItemPage page = compiled instanceof StatementCompiler.QueryRead query
                    ? queries.query(query.request())
                    : queries.scan(((StatementCompiler.ScanRead) compiled).request());
            return new ExecuteStatement.Response(page.items(), nextToken(page.lastEvaluatedKey()));
        }
        write(compiled);
        return new ExecuteStatement.Response(null, null);
    }

    public BatchExecuteStatement.Response batchExecuteStatement(BatchExecuteStatement.Request request) {
        List<BatchExecuteStatement.Statement> statements = request.statements();
        if (statements.isEmpty() || statements.size() > MAX_BATCH) {
            throw DynamoException.validation("1 validation error detected: Value at 'statements' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_BATCH);
        }
        List<BatchExecuteStatement.StatementResponse> responses = new ArrayList<>();
        for (BatchExecuteStatement.Statement statement : statements) {
            String table = null;
            try {
                StatementCompiler.Compiled compiled = compiler.compile(
                        PartiqlParser.parse(statement.statement(), statement.parameters()),
                        new StatementCompiler.Paging(null, null, statement.consistentRead()),
                        statement.returnValuesOnConditionCheckFailure());
                table = compiled.table();
                Map<String, AttributeValue> item = null;
                if (compiled instanceof StatementCompiler.Get get) {
                    item = items.getItem(get.request()).item();
                } else if (compiled instanceof StatementCompiler.QueryRead
                        || compiled instanceof StatementCompiler.ScanRead) {
                    throw DynamoException.validation("Batch read statements must name the whole primary key with "
                            + "equality and nothing else");
                } else {
                    write(compiled);
                }
                responses.add(new BatchExecuteStatement.StatementResponse(null, table, item));
            } catch (DynamoException e) {
                responses.add(new BatchExecuteStatement.StatementResponse(
                        new BatchExecuteStatement.StatementError(
                                code(e),
                                e.getMessage(),
                                e instanceof ConditionalCheckFailedException failed ? failed.item() : null),
                        table,
                        null));
            }
        }
        return new BatchExecuteStatement.Response(responses);
    }

    public ExecuteTransaction.Response executeTransaction(ExecuteTransaction.Request request) {
        List<ExecuteTransaction.Statement> statements = request.transactStatements();
        if (statements.isEmpty() || statements.size() > MAX_TRANSACTION) {
            throw DynamoException.validation("1 validation error detected: Value at 'transactStatements' failed to "
                    + "satisfy constraint: Member must have length between 1 and " + MAX_TRANSACTION);
        }
        List<StatementCompiler.Compiled> compiled = new ArrayList<>();
        for (ExecuteTransaction.Statement statement : statements) {
            compiled.add(compiler.compile(
                    PartiqlParser.parse(statement.statement(), statement.parameters()),
                    StatementCompiler.Paging.NONE,
                    statement.returnValuesOnConditionCheckFailure()));
        }
        long reads = compiled.stream()
                .filter(c -> c instanceof StatementCompiler.Get)
                .count();
        if (reads == compiled.size()) {
            List<TransactGetItems.TransactGetItem> gets = compiled.stream()
                    .map(c -> ((StatementCompiler.Get) c).request())
                    .map(get -> new TransactGetItems.TransactGetItem(new TransactGetItems.Get(
                            get.tableName(), get.key(), get.projectionExpression(), get.expressionAttributeNames())))
                    .toList();
            return new ExecuteTransaction.Response(transactions
                    .transactGetItems(new TransactGetItems.Request(gets, null))
                    .responses());
        }
        if (reads > 0
                || compiled.stream()
                        .anyMatch(c ->
                                c instanceof StatementCompiler.QueryRead || c instanceof StatementCompiler.ScanRead)) {
            throw DynamoException.validation("A transaction holds only writes, or only reads that name the whole "
                    + "primary key with equality");
        }
        List<TransactWriteItems.TransactWriteItem> writes =
                compiled.stream().map(PartiqlOperations::transactWrite).toList();
        transactions.transactWriteItems(
                new TransactWriteItems.Request(writes, request.clientRequestToken(), null, null));
        return new ExecuteTransaction.Response(null);
    }

    private void write(StatementCompiler.Compiled compiled) {
        if (compiled instanceof StatementCompiler.Insert insert) {
            try {
                items.putItem(insert.request());
            } catch (ConditionalCheckFailedException e) {
                throw new DynamoException(ErrorType.DUPLICATE_ITEM, "Duplicate primary key exists in table");
            }
        } else if (compiled instanceof StatementCompiler.Update update) {
            items.updateItem(update.request());
        } else {
            items.deleteItem(((StatementCompiler.Delete) compiled).request());
        }
    }

    private static TransactWriteItems.TransactWriteItem transactWrite(StatementCompiler.Compiled compiled) {
        if (compiled instanceof StatementCompiler.Insert insert) {
            var put = insert.request();
            return new TransactWriteItems.TransactWriteItem(
                    null,
                    new TransactWriteItems.Put(
                            put.tableName(),
                            put.item(),
                            put.conditionExpression(),
                            put.expressionAttributeNames(),
                            put.expressionAttributeValues(),
                            put.returnValuesOnConditionCheckFailure()),
                    null,
                    null);
        }
        if (compiled instanceof StatementCompiler.Update update) {
            var u = update.request();
            return new TransactWriteItems.TransactWriteItem(
                    null,
                    null,
                    null,
                    new TransactWriteItems.Update(
                            u.tableName(),
                            u.key(),
                            u.updateExpression(),
                            u.conditionExpression(),
                            u.expressionAttributeNames(),
                            u.expressionAttributeValues(),
                            u.returnValuesOnConditionCheckFailure()));
        }
        var d = ((StatementCompiler.Delete) compiled).request();
        return new TransactWriteItems.TransactWriteItem(
                null,
                null,
                new TransactWriteItems.Delete(
                        d.tableName(),
                        d.key(),
                        d.conditionExpression(),
                        d.expressionAttributeNames(),
                        d.expressionAttributeValues(),
                        d.returnValuesOnConditionCheckFailure()),
                null);
    }

    /** BatchExecuteStatement's code for an error (BatchStatementErrorCodeEnum). */
    private static String code(DynamoException e) {
        return switch (e.type()) {
            case CONDITIONAL_CHECK_FAILED -> "ConditionalCheckFailed";
            case DUPLICATE_ITEM -> "DuplicateItem";
            case RESOURCE_NOT_FOUND, TABLE_NOT_FOUND -> "ResourceNotFound";
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "ProvisionedThroughputExceeded";
            case THROTTLING -> "ThrottlingError";
            case VALIDATION, SERIALIZATION -> "ValidationError";
            default -> "InternalServerError";
        };
    }

    private static KeySchema keySchema(TableCatalog catalog, String table, String index) {
        TableDefinition definition = catalog.require(table).definition();
        if (index == null) {
            return definition.keySchema();
        }
        return definition
                .index(index)
                .orElseThrow(() -> DynamoException.validation("The table does not have the specified index: " + index))
                .keySchema();
    }

    /** A page's NextToken: where it ended, so that the next call starts after it. */
    private static String nextToken(Map<String, AttributeValue> lastEvaluatedKey) {
        return lastEvaluatedKey == null
                ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(DynamoDbJson.writeItem(lastEvaluatedKey));
    }

    private static Map<String, AttributeValue> startKey(String nextToken) {
        if (nextToken == null) {
            return null;
        }
        try {
            return DynamoDbJson.readItem(Base64.getUrlDecoder().decode(nextToken.getBytes(StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            throw DynamoException.validation("Invalid NextToken: it is not one this engine handed out");
        }
    }
}
