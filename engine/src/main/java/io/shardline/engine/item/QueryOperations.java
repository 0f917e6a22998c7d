package io.shardline.engine.item;

import io.shardline.engine.api.Condition;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.engine.storage.HashSpace;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.ExpressionKind;
import io.shardline.items.expr.ExpressionPaths;
import io.shardline.items.expr.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query (one item collection, in sort key order) and Scan (a whole table or one parallel segment),
 * of a table or one of its secondary indexes, with key condition, filter and projection expressions.
 */
public final class QueryOperations {
    static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    private final Store store;
    private final TableCatalog catalog;
    private final RangeReader reader;

    public QueryOperations(Store store, TableCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
        this.reader = new RangeReader(store);
    }

    public ItemPage query(Query.Request request) {
        Table table = catalog.require(request.tableName());
        RequestExpressions expressions =
                new RequestExpressions(request.expressionAttributeNames(), request.expressionAttributeValues());
        new ParameterMix()
                // DynamoDB takes KeyConditions beside the other expressions, but not beside KeyConditionExpression
                .legacy("KeyConditions", request.keyConditionExpression() == null ? null : request.keyConditions())
                .legacy("AttributesToGet", request.attributesToGet())
                .legacy("QueryFilter", request.queryFilter())
                .legacy("ConditionalOperator", request.conditionalOperator())
                .expression("KeyConditionExpression", request.keyConditionExpression())
                .expression("ProjectionExpression", request.projectionExpression())
                .expression("FilterExpression", request.filterExpression())
                .check();
        BooleanExpression keyCondition =
                expressions.condition(ExpressionKind.KEY_CONDITION, request.keyConditionExpression());
        BooleanExpression filter = request.filterExpression() != null
                ? expressions.condition(ExpressionKind.FILTER, request.filterExpression())
                : LegacyConditions.filter("QueryFilter", request.queryFilter(), request.conditionalOperator());
        List<Path> paths = expressions.projection(request.projectionExpression());
        ReadSource source = ReadSource.of(
                store,
                table,
                request.indexName(),
                request.consistentRead(),
                request.select(),
                wanted(request.attributesToGet(), paths, filter));
        KeySchema schema = source.keySchema();
        Map<String, Condition> keyConditions = keyCondition == null
                ? request.keyConditions()
                : KeyConditionExpressions.toConditions(keyCondition, schema);
        if (filter != null) {
            for (Path path : ExpressionPaths.of(filter)) {
                if (schema.isKeyAttribute(path.attribute())) {
                    throw DynamoException.validation((request.filterExpression() != null
                                    ? "Filter Expression can only contain non-primary key attributes"
                                    : "QueryFilter can only contain non-key attributes")
                            + ": Primary key attribute: " + path.attribute());
                }
            }
        }
        Projection projection = Projection.of(request.select(), request.attributesToGet(), paths, source.isIndex());
        expressions.done();
        int limit = limit(request.limit());
        KeyRange range = KeyConditions.range(source.keySpace(), schema, keyConditions, source.isIndex());
        boolean forward = request.scanIndexForward() == null || request.scanIndexForward();
        if (request.exclusiveStartKey() != null) {
            byte[] start = source.storageKey(request.exclusiveStartKey());
            range = forward ? range.narrowLower(KeyRange.after(start)) : range.narrowUpper(start);
        }
        return reader.read(source, range, forward, limit, projection, filter);
    }

    public ItemPage scan(Scan.Request request) {
        Table table = catalog.require(request.tableName());
        RequestExpressions expressions =
                new RequestExpressions(request.expressionAttributeNames(), request.expressionAttributeValues());
        new ParameterMix()
                .legacy("AttributesToGet", request.attributesToGet())
                .legacy("ScanFilter", request.scanFilter())
                .legacy("ConditionalOperator", request.conditionalOperator())
                .expression("ProjectionExpression", request.projectionExpression())
                .expression("FilterExpression", request.filterExpression())
                .check();
        BooleanExpression filter = request.filterExpression() != null
                ? expressions.condition(ExpressionKind.FILTER, request.filterExpression())
                : LegacyConditions.filter("ScanFilter", request.scanFilter(), request.conditionalOperator());
        List<Path> paths = expressions.projection(request.projectionExpression());
        ReadSource source = ReadSource.of(
                store,
                table,
                request.indexName(),
                request.consistentRead(),
                request.select(),
                wanted(request.attributesToGet(), paths, filter));
        Projection projection = Projection.of(request.select(), request.attributesToGet(), paths, source.isIndex());
        expressions.done();
        int limit = limit(request.limit());
        KeyRange range = segmentRange(source.keySpace(), request.segment(), request.totalSegments());
        if (request.exclusiveStartKey() != null) {
            byte[] start = source.storageKey(request.exclusiveStartKey());
            if (!range.contains(start)) {
                throw DynamoException.validation("The provided Exclusive start key does not map to the provided "
                        + "Segment and TotalSegments values. Segment: " + request.segment()
                        + ", TotalSegments: " + request.totalSegments());
            }
            range = range.narrowLower(KeyRange.after(start));
        }
        return reader.read(source, range, true, limit, projection, filter);
    }

    /** The attribute paths a read needs (projection and filter), or null when it needs every attribute. */
    private static List<Path> wanted(List<String> attributesToGet, List<Path> projection, BooleanExpression filter) {
        List<Path> named =
                attributesToGet != null ? attributesToGet.stream().map(Path::of).toList() : projection;
        if (named == null) {
            return null;
        }
        List<Path> wanted = new ArrayList<>(named);
        if (filter != null) {
            wanted.addAll(ExpressionPaths.of(filter));
        }
        return wanted;
    }

    /** The keys under {@code keySpace} (a table or index id) of one Scan segment, or all of them. */
    private static KeyRange segmentRange(long keySpace, Integer segment, Integer totalSegments) {
        if (segment == null && totalSegments == null) {
            return KeyRange.withPrefix(ItemKeys.tableStart(keySpace));
        }
        if (segment == null || totalSegments == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the "
                    + "request when Segment parameter is present, and vice versa");
        }
        if (totalSegments < 1 || totalSegments > MAX_TOTAL_SEGMENTS) {
            throw DynamoException.validation("1 validation error detected: Value '" + totalSegments + "' at "
                    + "'totalSegments' failed to satisfy constraint: Member must have value between 1 and "
                    + MAX_TOTAL_SEGMENTS);
        }
        if (segment < 0 || segment >= totalSegments) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        byte[] lower = ItemKeys.hashStart(keySpace, HashSpace.sliceStart(segment, totalSegments));
        byte[] upper = segment == totalSegments - 1
                ? ItemKeys.tableStart(keySpace + 1)
                : ItemKeys.hashStart(keySpace, HashSpace.sliceStart(segment + 1, totalSegments));
        return new KeyRange(lower, upper);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return Integer.MAX_VALUE;
        }
        if (limit < 1) {
            throw DynamoException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                    + "to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return limit;
    }
}
