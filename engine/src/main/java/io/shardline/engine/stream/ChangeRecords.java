package io.shardline.engine.stream;

import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.ItemSize;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import java.math.BigDecimal;
import java.util.Map;

/** Builds the change record of one item change as DynamoDB Streams shapes it, per view type. */
public final class ChangeRecords {
    private static final GetRecords.Identity TTL_SERVICE = new GetRecords.Identity("dynamodb.amazonaws.com", "Service");

    private final String region;

    public ChangeRecords(String region) {
        this.region = region;
    }

    /** Stages the change record of one item change into {@code batch}, in {@code shard} at {@code sequence}. */
    public void append(Batch batch, long tableId, ShardDefinition shard, SequenceAllocator.Sequence sequence,
                       StreamViewType viewType, Map<String, AttributeValue> key, Map<String, AttributeValue> oldItem,
                       Map<String, AttributeValue> newItem, boolean expiredByTtl) {
        batch.put(Family.STREAM, StreamKeys.record(tableId, shard.number(), sequence.number()),
                encode(tableId, oldItem, newItem, key, viewType, sequence, expiredByTtl));
    }

    /** The stored form of the record (see {@link StreamKeys#value}). */
    byte[] encode(long tableId, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem,
                         Map<String, AttributeValue> key, StreamViewType viewType, SequenceAllocator.Sequence sequence,
                         boolean expiredByTtl) {
        String eventName = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
        Map<String, AttributeValue> newImage = viewType.carriesNewImage() ? newItem : null;
        Map<String, AttributeValue> oldImage = viewType.carriesOldImage() ? oldItem : null;
        long size = ItemSize.of(key) + (newImage == null ? 0 : ItemSize.of(newImage))
                + (oldImage == null ? 0 : ItemSize.of(oldImage));
        GetRecords.StreamRecord body = new GetRecords.StreamRecord(
                BigDecimal.valueOf(sequence.createdAtMillis() / 1000), key, newImage, oldImage,
                SequenceAllocator.format(sequence.number()), size, viewType.name());
        GetRecords.ChangeRecord record = new GetRecords.ChangeRecord(
                String.format("%016x%016x", tableId, sequence.number()), eventName, "1.1", "aws:dynamodb", region,
                body, expiredByTtl ? TTL_SERVICE : null);
        return StreamKeys.value(sequence.createdAtMillis(), DynamoJson.write(record));
    }
}
