package io.shardline.engine.item;

import io.shardline.engine.api.TransactGetItems;
import io.shardline.engine.api.TransactWriteItems;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Snapshot;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.shardline.items.ItemSize;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.ExpressionKind;
import io.shardline.items.expr.UpdateAction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. Requests with a ClientRequestToken run one at a time, so a
 * retry can never run twice; requests without one run concurrently.
 */
public final class TransactionOperations {
    static final int MAX_ACTIONS = 100;
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final Store store;
    private final TableCatalog catalog;
    private final ItemWriter writer;
    private final Clock clock;
    private final Map<String, Completed> completedByToken = new HashMap<>();

    /** A transaction that went through under a client request token. */
    private record Completed(TransactWriteItems.Request request, long atMillis) {}

    public TransactionOperations(Store store, TableCatalog catalog, ItemWriter writer, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.writer = writer;
        this.clock = clock;
    }

    public TransactWriteItems.Response transactWriteItems(TransactWriteItems.Request request) {
        List<TransactWriteItems.TransactWriteItem> actions = request.transactItems();
        checkCount(actions == null ? 0 : actions.size());
        String token = request.clientRequestToken();
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw DynamoException.validation("1 validation error detected: Value '" + token + "' at "
                    + "'clientRequestToken' failed to satisfy constraint: Member must have length between 1 and 36");
        }
        List<ItemWriter.PlannedWrite> writes = new ArrayList<>();
        Set<List<Object>> items = new HashSet<>();
        for (TransactWriteItems.TransactWriteItem action : actions) {
            ItemWriter.PlannedWrite write = plan(action);
            if (!items.add(List.of(write.table().id(), write.key()))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        if (token == null) {
            writer.writeAll(writes);
            return new TransactWriteItems.Response();
        }
        synchronized (completedByToken) {
            long now = clock.millis();
            completedByToken.values().removeIf(c -> now - c.atMillis() > TOKEN_LIFETIME.toMillis());
            Completed earlier = completedByToken.get(token);
            if (earlier == null) {
                writer.writeAll(writes);
                completedByToken.put(token, new Completed(request, now));
            } else if (!earlier.request().equals(request)) {
                throw new DynamoException(
                        ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                        "Request with ClientRequestToken " + token
                                + " differs from the earlier request with the same token");
            }
        }
        return new TransactWriteItems.Response();
    }

    private ItemWriter.PlannedWrite plan(TransactWriteItems.TransactWriteItem action) {
        int present = (action.conditionCheck() == null ? 0 : 1)
                + (action.put() == null ? 0 : 1)
                + (action.delete() == null ? 0 : 1)
                + (action.update() == null ? 0 : 1);
        if (present != 1) {
            throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (action.put() != null) {
            TransactWriteItems.Put put = action.put();
            Table table = catalog.require(put.tableName());
            Map<String, AttributeValue> item = put.item();
            if (item == null) {
                throw DynamoException.validation("1 validation error detected: Value null at 'put.item' failed to "
                        + "satisfy constraint: Member must not be null");
            }
            Map<String, AttributeValue> key = table.definition().keySchema().checkItem(item);
            ItemSize.checkLimit(item);
            Guard guard = guard(
                    put.conditionExpression(),
                    put.expressionAttributeNames(),
                    put.expressionAttributeValues(),
                    put.returnValuesOnConditionCheckFailure(),
                    null);
            return new ItemWriter.PlannedWrite(table, key, old -> {
                guard.check(old);
                return item;
            });
        }
        if (action.delete() != null) {
            TransactWriteItems.Delete delete = action.delete();
            Table table = catalog.require(delete.tableName());
            Map<String, AttributeValue> key = table.definition().keySchema().checkKey(delete.key());
            Guard guard = guard(
                    delete.conditionExpression(),
                    delete.expressionAttributeNames(),
                    delete.expressionAttributeValues(),
                    delete.returnValuesOnConditionCheckFailure(),
                    null);
            return new ItemWriter.PlannedWrite(table, key, old -> {
                guard.check(old);
                return null;
            });
        }
        if (action.update() != null) {
            TransactWriteItems.Update update = action.update();
            Table table = catalog.require(update.tableName());
            KeySchema schema = table.definition().keySchema();
            Map<String, AttributeValue> key = schema.checkKey(update.key());
            if (update.updateExpression() == null) {
                throw DynamoException.validation("1 validation error detected: Value null at 'update.updateExpression' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            Guard guard = guard(
                    update.conditionExpression(),
                    update.expressionAttributeNames(),
                    update.expressionAttributeValues(),
                    update.returnValuesOnConditionCheckFailure(),
                    update.updateExpression());
            ItemUpdate change = ItemUpdate.of(guard.updates(), schema);
            return new ItemWriter.PlannedWrite(table, key, old -> {
                guard.check(old);
                return change.apply(old, key);
            });
        }
        TransactWriteItems.ConditionCheck check = action.conditionCheck();
        Table table = catalog.require(check.tableName());
        Map<String, AttributeValue> key = table.definition().keySchema().checkKey(check.key());
        if (check.conditionExpression() == null) {
            throw DynamoException.validation("1 validation error detected: Value null at "
                    + "'conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        Guard guard = guard(
                check.conditionExpression(),
                check.expressionAttributeNames(),
                check.expressionAttributeValues(),
                check.returnValuesOnConditionCheckFailure(),
                null);
        return new ItemWriter.PlannedWrite(table, key, old -> {
            guard.check(old);
            return old;
        });
    }

    /** An action's parsed condition and update expression. */
    private record Guard(BooleanExpression condition, boolean returnOld, List<UpdateAction> updates) {
        void check(Map<String, AttributeValue> current) {
            RequestExpressions.require(condition, current, returnOld);
        }
    }

    private static Guard guard(
            String conditionExpression,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            String returnValuesOnFailure,
            String updateExpression) {
        RequestExpressions expressions = new RequestExpressions(names, values);
        BooleanExpression condition = expressions.condition(ExpressionKind.CONDITION, conditionExpression);
        List<UpdateAction> updates = updateExpression == null ? null : expressions.update(updateExpression);
        expressions.done();
        return new Guard(condition, RequestExpressions.returnOldOnFailure(returnValuesOnFailure), updates);
    }

    public TransactGetItems.Response transactGetItems(TransactGetItems.Request request) {
        List<TransactGetItems.TransactGetItem> gets = request.transactItems();
        checkCount(gets == null ? 0 : gets.size());
        List<Table> tables = new ArrayList<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        for (TransactGetItems.TransactGetItem get : gets) {
            if (get.get() == null) {
                throw DynamoException.validation("TransactItems of TransactGetItems must each contain a Get");
            }
            Table table = catalog.require(get.get().tableName());
            tables.add(table);
            keys.add(table.definition().keySchema().checkKey(get.get().key()));
            RequestExpressions expressions = new RequestExpressions(get.get().expressionAttributeNames(), null);
            projections.add(
                    Projection.of(null, null, expressions.projection(get.get().projectionExpression())));
            expressions.done();
        }
        List<TransactGetItems.ItemResponse> responses = new ArrayList<>();
        try (Snapshot snapshot = store.snapshot()) {
            for (int i = 0; i < tables.size(); i++) {
                Table table = tables.get(i);
                byte[] stored = snapshot.get(
                        Family.ITEMS, ItemKeys.of(table.id(), table.definition().keySchema(), keys.get(i)));
                responses.add(new TransactGetItems.ItemResponse(
                        stored == null ? null : projections.get(i).apply(ItemCodec.decode(stored))));
            }
        }
        return new TransactGetItems.Response(responses);
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_ACTIONS) {
            throw DynamoException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_ACTIONS + ", got " + count);
        }
    }
}
