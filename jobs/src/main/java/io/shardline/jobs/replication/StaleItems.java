package io.shardline.jobs.replication;

import io.shardline.jobs.versions.SnapshotCleanup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The items of a target table that an earlier run wrote and this run's snapshot did not write again:
 * those whose version attribute is below the handoff's, or that have none (the job writes one into
 * every item, so a replica holds nothing else). Found by a parallel Scan and deleted one by one with
 * the same condition, so an item the job writes meanwhile, whose version is higher, is left alone.
 */
record StaleItems(ReplicationTarget target, List<String> keyAttributes, String versionAttribute)
        implements SnapshotCleanup.Copy {
    private static final int SEGMENTS = 4;
    private static final String CONDITION = "attribute_not_exists(#v) OR #v < :v";

    @Override
    public String name() {
        return "table " + target.name();
    }

    @Override
    public void removeOlderThan(long version, AtomicLong removed) throws Exception {
        ExecutorService segments = Executors.newFixedThreadPool(SEGMENTS);
        try (DynamoDbClient client = target.settings().createTableClient()) {
            List<Future<?>> scans = new ArrayList<>();
            for (int segment = 0; segment < SEGMENTS; segment++) {
                int number = segment;
                scans.add(segments.submit(() -> removeFrom(client, number, version, removed)));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
        } finally {
            segments.shutdownNow();
        }
    }

    private void removeFrom(DynamoDbClient client, int segment, long version, AtomicLong removed) {
        Map<String, String> names = new HashMap<>(Map.of("#v", versionAttribute));
        List<String> projection = new ArrayList<>();
        for (int i = 0; i < keyAttributes.size(); i++) {
            names.put("#k" + i, keyAttributes.get(i));
            projection.add("#k" + i);
        }
        Map<String, AttributeValue> values = Map.of(":v", AttributeValue.fromN(Long.toString(version)));
        client.scanPaginator(r -> r.tableName(target.table())
                        .segment(segment)
                        .totalSegments(SEGMENTS)
                        .consistentRead(true)
                        .filterExpression(CONDITION)
                        .projectionExpression(String.join(",", projection))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .items()
                .forEach(key -> {
                    try {
                        client.deleteItem(r -> r.tableName(target.table())
                                .key(key)
                                .conditionExpression(CONDITION)
                                .expressionAttributeNames(Map.of("#v", versionAttribute))
                                .expressionAttributeValues(values));
                        removed.incrementAndGet();
                    } catch (ConditionalCheckFailedException written) {
                        // the job wrote the item after the handoff: it stays
                    }
                });
    }
}
