package io.shardline.connector.source.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads one page of one Scan segment per fetch, segments one after another; a segment ends with the
 * page that has no LastEvaluatedKey.
 */
final class ScanSegmentReader implements SplitReader<ScannedItem, ScanSegmentSplit> {
    private final DynamoDbClient client;
    private final int pageSize;
    private final boolean consistentRead;
    private final Deque<ScanSegmentSplit> segments = new ArrayDeque<>();
    private List<String> keyAttributes;

    ScanSegmentReader(DynamoDbClient client, int pageSize, boolean consistentRead) {
        this.client = client;
        this.pageSize = pageSize;
        this.consistentRead = consistentRead;
    }

    @Override
    public RecordsWithSplitIds<ScannedItem> fetch() {
        RecordsBySplits.Builder<ScannedItem> records = new RecordsBySplits.Builder<>();
        ScanSegmentSplit segment = segments.poll();
        if (segment == null) {
            return records.build();
        }
        if (keyAttributes == null) {
            keyAttributes = client.describeTable(r -> r.tableName(segment.table())).table().keySchema().stream()
                    .map(KeySchemaElement::attributeName)
                    .toList();
        }
        ScanResponse page = client.scan(r -> r.tableName(segment.table())
                .segment(segment.segment())
                .totalSegments(segment.totalSegments())
                .limit(pageSize)
                .consistentRead(consistentRead)
                .exclusiveStartKey(segment.after()));
        for (Map<String, AttributeValue> item : page.items()) {
            records.add(segment.splitId(), new ScannedItem(item, keyOf(item)));
        }
        if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
            segments.addFirst(segment.resumingAfter(page.lastEvaluatedKey()));
        } else {
            records.addFinishedSplit(segment.splitId());
        }
        return records.build();
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyAttributes) {
            key.put(name, item.get(name));
        }
        return key;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ScanSegmentSplit> change) {
        if (change instanceof SplitsAddition<ScanSegmentSplit> addition) {
            segments.addAll(addition.splits());
        }
    }

    @Override
    public void wakeUp() {}

    @Override
    public void close() {
        client.close();
    }
}
