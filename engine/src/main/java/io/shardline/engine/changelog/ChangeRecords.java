package io.shardline.engine.changelog;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.items.AttributeValue;
import io.shardline.items.ItemSize;
import java.util.Map;

/** Builds the change record of one item change as DynamoDB Streams shapes it, per view type. */
public final class ChangeRecords {
    private final String region;

    public ChangeRecords(String region) {
        this.region = region;
    }

    /** Stages the change record of one item change into {@code batch}, in {@code shard} at {@code sequence}. */
    public void append(
            Batch batch,
            long tableId,
            ShardDefinition shard,
            SequenceAllocator.Sequence sequence,
            StreamViewType viewType,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem,
            boolean expiredByTtl) {
        String eventName = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
        Map<String, AttributeValue> newImage = viewType.carriesNewImage() ? newItem : null;
        Map<String, AttributeValue> oldImage = viewType.carriesOldImage() ? oldItem : null;
        long size = ItemSize.of(key)
                + (newImage == null ? 0 : ItemSize.of(newImage))
                + (oldImage == null ? 0 : ItemSize.of(oldImage));
        byte[] record =
                ChangeRecordCodec.encode(eventName, expiredByTtl, viewType, region, size, key, newImage, oldImage);
        batch.put(
                Family.STREAM,
                StreamKeys.record(tableId, shard.number(), sequence.number()),
                StreamKeys.value(sequence.createdAtMillis(), record));
    }
}
