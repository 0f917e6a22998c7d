package io.shardline.engine.server;

import io.shardline.engine.Engine;
import io.shardline.engine.api.BatchExecuteStatement;
import io.shardline.engine.api.BatchGetItem;
import io.shardline.engine.api.BatchWriteItem;
import io.shardline.engine.api.ContinuousBackups;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DeleteTable;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.DescribeTimeToLive;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.ExecuteStatement;
import io.shardline.engine.api.ExecuteTransaction;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import io.shardline.engine.api.ListStreams;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.ResourcePolicies;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.ServiceDescriptions;
import io.shardline.engine.api.TagResource;
import io.shardline.engine.api.TransactGetItems;
import io.shardline.engine.api.TransactWriteItems;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.control.ControlOperations;
import io.shardline.engine.streams.GetRecordsPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every operation the server answers, by its {@code X-Amz-Target}, as a JSON codec over the embedded engine. */
final class Operations {
    static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    /**
     * One operation: its name, what answers a request body, whether it is DynamoDB Streams' (whose
     * errors are named in its namespace), whether it is the control API's (loopback only), and whether
     * it is quick: a single-item read, bounded and never waiting on another call, which the
     * connection's I/O thread answers itself instead of waking a worker.
     */
    record Operation(String name, Function<byte[], Answer> call, boolean streams, boolean control, boolean quick) {
        Answer invoke(byte[] body) {
            return call.apply(body);
        }
    }

    private final Map<String, Operation> byTarget = new HashMap<>();

    /** @param address the host and port clients reach this server at, which DescribeEndpoints names */
    Operations(Engine engine, Supplier<String> address, ControlOperations control) {
        control.operations()
                .forEach((name, call) -> byTarget.put(
                        ControlOperations.PREFIX + name,
                        new Operation(name, body -> new Answer.Complete(call.apply(body)), false, true, false)));
        table("CreateTable", CreateTable.Request.class, engine::createTable);
        table("DescribeTable", DescribeTable.Request.class, engine::describeTable);
        table("ListTables", ListTables.Request.class, engine::listTables);
        table("UpdateTable", UpdateTable.Request.class, engine::updateTable);
        table("DeleteTable", DeleteTable.Request.class, engine::deleteTable);
        table("PutItem", PutItem.Request.class, engine::putItem);
        byTarget.put(
                DYNAMODB_PREFIX + "GetItem",
                new Operation("GetItem", json(GetItem.Request.class, engine::getItem), false, false, true));
        table("DeleteItem", DeleteItem.Request.class, engine::deleteItem);
        table("UpdateItem", UpdateItem.Request.class, engine::updateItem);
        table("BatchWriteItem", BatchWriteItem.Request.class, engine::batchWriteItem);
        table("BatchGetItem", BatchGetItem.Request.class, engine::batchGetItem);
        table("Query", Query.Request.class, engine::query);
        table("Scan", Scan.Request.class, engine::scan);
        table("TransactWriteItems", TransactWriteItems.Request.class, engine::transactWriteItems);
        table("TransactGetItems", TransactGetItems.Request.class, engine::transactGetItems);
        table("UpdateTimeToLive", UpdateTimeToLive.Request.class, engine::updateTimeToLive);
        table("DescribeTimeToLive", DescribeTimeToLive.Request.class, engine::describeTimeToLive);
        table("TagResource", TagResource.Request.class, engine::tagResource);
        table("UntagResource", TagResource.UntagRequest.class, engine::untagResource);
        table("ListTagsOfResource", TagResource.ListRequest.class, engine::listTagsOfResource);
        table("ExecuteStatement", ExecuteStatement.Request.class, engine::executeStatement);
        table("BatchExecuteStatement", BatchExecuteStatement.Request.class, engine::batchExecuteStatement);
        table("ExecuteTransaction", ExecuteTransaction.Request.class, engine::executeTransaction);
        table("PutResourcePolicy", ResourcePolicies.PutRequest.class, engine::putResourcePolicy);
        table("GetResourcePolicy", ResourcePolicies.GetRequest.class, engine::getResourcePolicy);
        table("DeleteResourcePolicy", ResourcePolicies.DeleteRequest.class, engine::deleteResourcePolicy);
        table("DescribeContinuousBackups", ContinuousBackups.DescribeRequest.class, engine::describeContinuousBackups);
        table("UpdateContinuousBackups", ContinuousBackups.UpdateRequest.class, engine::updateContinuousBackups);
        table("DescribeLimits", ServiceDescriptions.Empty.class, engine::describeLimits);
        table(
                "DescribeEndpoints",
                ServiceDescriptions.Empty.class,
                request -> new ServiceDescriptions.EndpointsResponse(
                        List.of(new ServiceDescriptions.Endpoint(address.get(), 1440L))));
        stream("ListStreams", ListStreams.Request.class, engine::listStreams);
        stream("DescribeStream", DescribeStream.Request.class, engine::describeStream);
        stream("GetShardIterator", GetShardIterator.Request.class, engine::getShardIterator);
        byTarget.put(
                STREAMS_PREFIX + "GetRecords",
                new Operation(
                        "GetRecords",
                        body -> {
                            GetRecordsPage page = engine.getRecordsPage(request(body, GetRecords.Request.class));
                            return new Answer.Streamed(page::writeJson);
                        },
                        true,
                        false,
                        false));
    }

    /** The operation of a target, or null when there is none. */
    Operation forTarget(String target) {
        return target == null ? null : byTarget.get(target);
    }

    private static <T> T request(byte[] body, Class<T> type) {
        return DynamoJson.read(body.length == 0 ? "{}".getBytes() : body, type);
    }

    private <T> void table(String name, Class<T> type, Function<T, Object> call) {
        byTarget.put(DYNAMODB_PREFIX + name, new Operation(name, json(type, call), false, false, false));
    }

    private <T> void stream(String name, Class<T> type, Function<T, Object> call) {
        byTarget.put(STREAMS_PREFIX + name, new Operation(name, json(type, call), true, false, false));
    }

    /** Reads a request of {@code type}, answers it with {@code call} and writes the answer. */
    private static <T> Function<byte[], Answer> json(Class<T> type, Function<T, Object> call) {
        return body -> new Answer.Complete(DynamoJson.write(call.apply(request(body, type))));
    }
}
