package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the archive keeps of one deleted item, in either file format: the table, the stream record's
 * event id, sequence number and shard, when and by whom the item was deleted, its key and its last
 * image.
 *
 * @param shardId the shard the record was read from; null in archives written before it was kept
 */
record ArchivedRemoval(
        String table,
        String eventId,
        String sequenceNumber,
        String shardId,
        long deletedAtMillis,
        boolean byTtl,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> item) {
    static final String TTL = "ttl";
    static final String USER = "user";

    /** The removal a REMOVE record of {@code table}'s stream describes (its view type carries the old image). */
    static ArchivedRemoval of(String table, ChangeRecord record) {
        return new ArchivedRemoval(
                table,
                record.eventId(),
                record.sequenceNumber(),
                record.shardId(),
                record.approximateCreationTimeMillis(),
                record.deletedByTtl(),
                record.keys(),
                record.oldImage());
    }

    /** The REMOVE record this removal was read from, as far as the archive keeps it. */
    ChangeRecord toRecord() {
        return new ChangeRecord(
                eventId,
                "REMOVE",
                "1.1",
                "aws:dynamodb",
                null,
                keys,
                item,
                null,
                sequenceNumber,
                null,
                deletedAtMillis,
                null,
                shardId,
                byTtl ? ChangeRecord.TTL_SERVICE : null);
    }

    String deletedBy() {
        return byTtl ? TTL : USER;
    }

    Instant deletedAt() {
        return Instant.ofEpochMilli(deletedAtMillis);
    }
}
