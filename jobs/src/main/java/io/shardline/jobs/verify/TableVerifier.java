package io.shardline.jobs.verify;

import io.shardline.connector.codec.DynamoDbJson;
import io.shardline.jobs.selection.ItemSelection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Compares a table with its replica: every item the replication selects must be in the target
 * with every attribute equal (the version attribute aside), and the target must hold nothing else.
 * Reads both tables with strongly consistent Scans and holds a digest per target item.
 */
public final class TableVerifier {
    private TableVerifier() {}

    /**
     * @param keyAttributes the source's key attributes, partition key first
     * @param selection     what of each item the replica holds
     */
    public static CopyComparison.Result verify(
            DynamoDbClient source,
            String sourceTable,
            DynamoDbClient target,
            String targetTable,
            List<String> keyAttributes,
            String versionAttribute,
            ItemSelection selection) {
        CopyComparison comparison = new CopyComparison();
        target.scanPaginator(r -> r.tableName(targetTable).consistentRead(true))
                .items()
                .forEach(item -> {
                    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> replica =
                            new HashMap<>(item);
                    replica.remove(versionAttribute);
                    comparison.held(key(item, keyAttributes), ItemDigest.of(replica));
                });
        source.scanPaginator(r -> r.tableName(sourceTable).consistentRead(true))
                .items()
                .forEach(item -> {
                    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> selected =
                            selection.select(item);
                    if (selected != null) {
                        comparison.expected(key(item, keyAttributes), ItemDigest.of(selected));
                    }
                });
        return comparison.result();
    }

    /** The item's key in DynamoDB JSON, as error messages show it. */
    private static String key(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item,
            List<String> keyAttributes) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = new LinkedHashMap<>();
        keyAttributes.forEach(name -> key.put(name, item.get(name)));
        return DynamoDbJson.item(key);
    }
}
