package io.shardline.engine.item;

import io.shardline.engine.api.BatchGetItem;
import io.shardline.engine.api.BatchWriteItem;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.ExpectedAttributeValue;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.KeysAndAttributes;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.WriteRequest;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ItemSize;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.BooleanExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PutItem, GetItem, DeleteItem, UpdateItem, BatchWriteItem and BatchGetItem, with their expressions. */
public final class ItemOperations {
    static final int MAX_BATCH_WRITES = 25;
    static final int MAX_BATCH_GETS = 100;
    /** BatchGetItem returns at most this much and leaves the rest in UnprocessedKeys. */
    static final long MAX_BATCH_GET_BYTES = 16L * 1024 * 1024;

    private final Store store;
    private final TableCatalog catalog;
    private final ItemWriter writer;

    public ItemOperations(Store store, TableCatalog catalog, ItemWriter writer) {
        this.store = store;
        this.catalog = catalog;
        this.writer = writer;
    }

    public PutItem.Response putItem(PutItem.Request request) {
        Table table = catalog.require(request.tableName());
        boolean returnOld = allOldOrNone(request.returnValues());
        boolean returnOldOnFailure =
                RequestExpressions.returnOldOnFailure(request.returnValuesOnConditionCheckFailure());
        RequestExpressions expressions =
                new RequestExpressions(request.expressionAttributeNames(), request.expressionAttributeValues());
        BooleanExpression condition = writeCondition(
                expressions, request.conditionExpression(), request.expected(), request.conditionalOperator());
        expressions.done();
        Map<String, AttributeValue> item = checkedItem(table, request.item());
        ItemChange change = writer.write(table, table.definition().keySchema().keyOf(item), old -> {
            RequestExpressions.require(condition, old, returnOldOnFailure);
            return item;
        });
        return new PutItem.Response(returnOld ? change.oldItem() : null);
    }

    public GetItem.Response getItem(GetItem.Request request) {
        Table table = catalog.require(request.tableName());
        RequestExpressions expressions = new RequestExpressions(request.expressionAttributeNames(), null);
        Projection projection =
                Projection.of(null, request.attributesToGet(), expressions.projection(request.projectionExpression()));
        expressions.done();
        Map<String, AttributeValue> item =
                read(table, table.definition().keySchema().checkKey(request.key()));
        return new GetItem.Response(item == null ? null : projection.apply(item));
    }

    public DeleteItem.Response deleteItem(DeleteItem.Request request) {
        Table table = catalog.require(request.tableName());
        boolean returnOld = allOldOrNone(request.returnValues());
        boolean returnOldOnFailure =
                RequestExpressions.returnOldOnFailure(request.returnValuesOnConditionCheckFailure());
        RequestExpressions expressions =
                new RequestExpressions(request.expressionAttributeNames(), request.expressionAttributeValues());
        BooleanExpression condition = writeCondition(
                expressions, request.conditionExpression(), request.expected(), request.conditionalOperator());
        expressions.done();
        Map<String, AttributeValue> key = table.definition().keySchema().checkKey(request.key());
        ItemChange change = writer.write(table, key, old -> {
            RequestExpressions.require(condition, old, returnOldOnFailure);
            return null;
        });
        return new DeleteItem.Response(returnOld ? change.oldItem() : null);
    }

    public UpdateItem.Response updateItem(UpdateItem.Request request) {
        Table table = catalog.require(request.tableName());
        KeySchema schema = table.definition().keySchema();
        Map<String, AttributeValue> key = schema.checkKey(request.key());
        ReturnValues returnValues = ReturnValues.forUpdate(request.returnValues());
        boolean returnOldOnFailure =
                RequestExpressions.returnOldOnFailure(request.returnValuesOnConditionCheckFailure());
        new ParameterMix()
                .legacy("AttributeUpdates", request.attributeUpdates())
                .legacy("Expected", request.expected())
                .legacy("ConditionalOperator", request.conditionalOperator())
                .expression("UpdateExpression", request.updateExpression())
                .expression("ConditionExpression", request.conditionExpression())
                .check();
        RequestExpressions expressions =
                new RequestExpressions(request.expressionAttributeNames(), request.expressionAttributeValues());
        BooleanExpression condition = expressions.writeCondition(
                request.conditionExpression(), request.expected(), request.conditionalOperator());
        ItemUpdate update = request.updateExpression() != null
                ? ItemUpdate.of(expressions.update(request.updateExpression()), schema)
                : ItemUpdate.legacy(request.attributeUpdates() == null ? Map.of() : request.attributeUpdates(), schema);
        expressions.done();
        ItemChange change = writer.write(table, key, old -> {
            RequestExpressions.require(condition, old, returnOldOnFailure);
            return update.apply(old, key);
        });
        return new UpdateItem.Response(returnValues.select(change, update.attributes()));
    }

    /** The condition of a PutItem or DeleteItem, refusing one that has both the expression and the legacy form. */
    private static BooleanExpression writeCondition(
            RequestExpressions expressions,
            String conditionExpression,
            Map<String, ExpectedAttributeValue> expected,
            String conditionalOperator) {
        new ParameterMix()
                .legacy("Expected", expected)
                .legacy("ConditionalOperator", conditionalOperator)
                .expression("ConditionExpression", conditionExpression)
                .check();
        return expressions.writeCondition(conditionExpression, expected, conditionalOperator);
    }

    public BatchWriteItem.Response batchWriteItem(BatchWriteItem.Request request) {
        Map<String, List<WriteRequest>> requestItems = request.requestItems();
        int total = requestItems == null
                ? 0
                : requestItems.values().stream().mapToInt(List::size).sum();
        if (total == 0) {
            throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (total > MAX_BATCH_WRITES) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call: " + total
                    + " exceeds the limit of " + MAX_BATCH_WRITES);
        }
        List<Runnable> writes = new ArrayList<>();
        for (Map.Entry<String, List<WriteRequest>> entry : requestItems.entrySet()) {
            Table table = catalog.require(entry.getKey());
            KeySchema schema = table.definition().keySchema();
            Set<Map<String, AttributeValue>> seenKeys = new HashSet<>();
            for (WriteRequest write : entry.getValue()) {
                if ((write.putRequest() == null) == (write.deleteRequest() == null)) {
                    throw DynamoException.validation(
                            "Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }
                Map<String, AttributeValue> key;
                if (write.putRequest() != null) {
                    Map<String, AttributeValue> item =
                            checkedItem(table, write.putRequest().item());
                    key = schema.keyOf(item);
                    writes.add(() -> writer.write(table, key, old -> item));
                } else {
                    key = schema.checkKey(write.deleteRequest().key());
                    writes.add(() -> writer.write(table, key, old -> null));
                }
                if (!seenKeys.add(key)) {
                    throw DynamoException.invalidParameter("Provided list of item keys contains duplicates");
                }
            }
        }
        writes.forEach(Runnable::run);
        return new BatchWriteItem.Response(Map.of());
    }

    public BatchGetItem.Response batchGetItem(BatchGetItem.Request request) {
        Map<String, KeysAndAttributes> requestItems = request.requestItems();
        int total = requestItems == null
                ? 0
                : requestItems.values().stream()
                        .mapToInt(k -> k.keys() == null ? 0 : k.keys().size())
                        .sum();
        if (total == 0) {
            throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (total > MAX_BATCH_GETS) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        long bytes = 0;
        for (Map.Entry<String, KeysAndAttributes> entry : requestItems.entrySet()) {
            Table table = catalog.require(entry.getKey());
            KeysAndAttributes wanted = entry.getValue();
            RequestExpressions expressions = new RequestExpressions(wanted.expressionAttributeNames(), null);
            Projection projection = Projection.of(
                    null, wanted.attributesToGet(), expressions.projection(wanted.projectionExpression()));
            expressions.done();
            KeySchema schema = table.definition().keySchema();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            for (Map<String, AttributeValue> rawKey : wanted.keys()) {
                Map<String, AttributeValue> key = schema.checkKey(rawKey);
                if (!seen.add(key)) {
                    throw DynamoException.invalidParameter("Provided list of item keys contains duplicates");
                }
                if (bytes >= MAX_BATCH_GET_BYTES) {
                    left.add(key);
                    continue;
                }
                Map<String, AttributeValue> item = read(table, key);
                if (item != null) {
                    Map<String, AttributeValue> projected = projection.apply(item);
                    bytes += ItemSize.of(projected);
                    found.add(projected);
                }
            }
            responses.put(entry.getKey(), found);
            if (!left.isEmpty()) {
                unprocessed.put(
                        entry.getKey(),
                        new KeysAndAttributes(
                                left,
                                wanted.consistentRead(),
                                wanted.attributesToGet(),
                                wanted.projectionExpression(),
                                wanted.expressionAttributeNames()));
            }
        }
        return new BatchGetItem.Response(responses, unprocessed);
    }

    private Map<String, AttributeValue> read(Table table, Map<String, AttributeValue> key) {
        byte[] stored = store.get(
                Family.ITEMS, ItemKeys.of(table.id(), table.definition().keySchema(), key));
        return stored == null ? null : ItemCodec.decode(stored);
    }

    private static Map<String, AttributeValue> checkedItem(Table table, Map<String, AttributeValue> item) {
        if (item == null) {
            throw DynamoException.validation("1 validation error detected: Value null at 'item' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        table.definition().keySchema().checkItem(item);
        ItemSize.checkLimit(item);
        return item;
    }

    private static boolean allOldOrNone(String returnValues) {
        if (returnValues == null || returnValues.equals("NONE")) {
            return false;
        }
        if (returnValues.equals("ALL_OLD")) {
            return true;
        }
        throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
}
