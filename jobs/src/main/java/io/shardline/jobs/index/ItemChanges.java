package io.shardline.jobs.index;

import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.source.ChangeRecord;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns stream records and scanned items into {@link ItemChange}s: the item's document with the
 * change's metadata under the metadata field ({@code event}, {@code sequence_number},
 * {@code change_time}, {@code table}), or a removal. A removal made by Time to Live is dropped when
 * TTL-deleted items are to stay in the index.
 */
final class ItemChanges implements Serializable {
    private final ItemDocuments documents;
    private final String table;
    private final boolean keepTtlDeleted;

    ItemChanges(ItemDocuments documents, String table, boolean keepTtlDeleted) {
        this.documents = documents;
        this.table = table;
        this.keepTtlDeleted = keepTtlDeleted;
    }

    /** The change a stream record makes, or null when the index keeps what it has. */
    ItemChange fromStream(ChangeRecord record) {
        long seconds = record.approximateCreationTimeMillis() / 1000;
        if ("REMOVE".equals(record.eventName())) {
            if (keepTtlDeleted && record.deletedByTtl()) {
                return null;
            }
            return new ItemChange(documents.id(record.keys()), null, seconds, false);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("event", record.eventName());
        metadata.put("sequence_number", record.sequenceNumber());
        metadata.put("change_time", record.approximateCreationTimeMillis());
        metadata.put("table", table);
        Map<String, AttributeValue> image = record.newImage();
        return new ItemChange(documents.id(image), documents.source(image, metadata), seconds, false);
    }

    /** A scanned item, as of the snapshot's stream position. */
    ItemChange fromSnapshot(Map<String, AttributeValue> item, long handoffSeconds) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("event", "SNAPSHOT");
        metadata.put("change_time", handoffSeconds * 1000);
        metadata.put("table", table);
        return new ItemChange(documents.id(item), documents.source(item, metadata), handoffSeconds, true);
    }
}
