package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.split.SplitId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The enumerator's calls to DynamoDB: the selected tables' latest streams (DescribeTable), every
 * shard of a stream (DescribeStream, all pages) and the children of a finished shard (DescribeStream
 * with a CHILD_SHARDS filter). Runs off the coordinator thread.
 */
final class ShardDiscovery implements AutoCloseable {
    private final DynamoDbStreamsClient streams;
    private final DynamoDbClient tables;
    private final StreamSelector selector;

    /** @param tables a DynamoDB client for table lookups; null when {@code selector} is a fixed stream */
    ShardDiscovery(DynamoDbStreamsClient streams, DynamoDbClient tables, StreamSelector selector) {
        this.streams = streams;
        this.tables = tables;
        this.selector = selector;
    }

    /**
     * Every shard of {@code known} streams and of each selected table's latest stream (added after the
     * known ones), by stream. A known stream that has left (past retention) has no shards.
     */
    Map<String, List<Shard>> allShards(Collection<String> known) {
        List<String> arns = new ArrayList<>(known);
        for (String latest : latestStreams()) {
            if (!arns.contains(latest)) {
                arns.add(latest);
            }
        }
        Map<String, List<Shard>> shardsByStream = new LinkedHashMap<>();
        for (String arn : arns) {
            try {
                shardsByStream.put(arn, describe(arn, null));
            } catch (ResourceNotFoundException e) {
                if (!known.contains(arn)) {
                    throw e;
                }
                shardsByStream.put(arn, List.of());
            }
        }
        return shardsByStream;
    }

    /** The children of each finished shard, by stream. */
    Map<String, List<Shard>> children(Collection<SplitId> finished) {
        Map<String, List<Shard>> shardsByStream = new LinkedHashMap<>();
        for (SplitId id : finished) {
            String arn = id.streamArn();
            try {
                shardsByStream.computeIfAbsent(arn, a -> new ArrayList<>()).addAll(describe(arn, id.shardId()));
            } catch (ResourceNotFoundException e) {
                shardsByStream.putIfAbsent(arn, new ArrayList<>());
            }
        }
        return shardsByStream;
    }

    private List<String> latestStreams() {
        List<String> latest = new ArrayList<>();
        for (String table : selector.tables(tables)) {
            String arn;
            try {
                arn = tables.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            } catch (ResourceNotFoundException e) {
                if (selector.requiresEveryTable()) {
                    throw new IllegalStateException("Table " + table + " does not exist", e);
                }
                continue;
            }
            if (arn != null) {
                latest.add(arn);
            } else if (selector.requiresEveryTable()) {
                throw new IllegalStateException("Table " + table + " has no stream to read");
            }
        }
        return latest;
    }

    /** All shards of a stream, or only the children of {@code parentShardId} when it is given. */
    private List<Shard> describe(String arn, String parentShardId) {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            StreamDescription page = streams.describeStream(r -> {
                        r.streamArn(arn).exclusiveStartShardId(from);
                        if (parentShardId != null) {
                            r.shardFilter(
                                    f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(parentShardId));
                        }
                    })
                    .streamDescription();
            shards.addAll(page.shards());
            start = page.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    @Override
    public void close() {
        streams.close();
        if (tables != null) {
            tables.close();
        }
    }
}
