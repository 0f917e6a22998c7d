package io.shardline.jobs.index;

import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.jobs.versions.ItemChangeMapping;
import io.shardline.jobs.versions.KeyedChange;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns stream records and scanned items into {@link KeyedChange}s keyed by document id, whose
 * payload is the item's document (UTF-8 JSON) with the
 * change's metadata under the metadata field ({@code event}, {@code sequence_number},
 * {@code change_time}, {@code table}), or a removal. A removal made by Time to Live is dropped when
 * TTL-deleted items are to stay in the index.
 */
final class ItemChanges implements ItemChangeMapping {
    private final ItemDocuments documents;
    private final String table;
    private final boolean keepTtlDeleted;

    ItemChanges(ItemDocuments documents, String table, boolean keepTtlDeleted) {
        this.documents = documents;
        this.table = table;
        this.keepTtlDeleted = keepTtlDeleted;
    }

    /** The change a stream record makes, or null when the index keeps what it has. */
    @Override
    public KeyedChange fromStream(ChangeRecord record) {
        long millis = record.approximateCreationTimeMillis();
        if ("REMOVE".equals(record.eventName())) {
            if (keepTtlDeleted && record.deletedByTtl()) {
                return null;
            }
            return KeyedChange.removed(documents.id(record.keys()), null, millis);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("event", record.eventName());
        metadata.put("sequence_number", record.sequenceNumber());
        metadata.put("change_time", record.approximateCreationTimeMillis());
        metadata.put("table", table);
        Map<String, AttributeValue> image = record.newImage();
        return KeyedChange.changed(documents.id(image), utf8(documents.source(image, metadata)), millis);
    }

    /** A scanned item, as of the snapshot's stream position. */
    @Override
    public KeyedChange fromSnapshot(Map<String, AttributeValue> item, long handoffSeconds) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("event", "SNAPSHOT");
        metadata.put("change_time", handoffSeconds * 1000);
        metadata.put("table", table);
        return KeyedChange.snapshot(documents.id(item), utf8(documents.source(item, metadata)), handoffSeconds);
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
