package io.shardline.engine.changelog;

import io.shardline.engine.api.GetRecords;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.StoreException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The stored form of a change record, in the store's own binary format ({@link ItemCodec}): the
 * format version, the event (I, M or R), a TTL flag, the view type, the region, the size DynamoDB
 * Streams reports, the keys, and the images the view type carries. The event id, sequence number
 * and creation time come from the record's key and value prefix ({@link StreamKeys}), so they are
 * not stored twice.
 */
final class ChangeRecordCodec {
    private static final GetRecords.Identity TTL_SERVICE = new GetRecords.Identity("dynamodb.amazonaws.com", "Service");
    private static final byte TTL_FLAG = 1;

    private ChangeRecordCodec() {
    }

    static byte[] encode(String eventName, boolean expiredByTtl, StreamViewType viewType, String region, long sizeBytes,
                         Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage,
                         Map<String, AttributeValue> oldImage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(ItemCodec.FORMAT_VERSION);
        out.write(eventName.charAt(0));
        out.write(expiredByTtl ? TTL_FLAG : 0);
        out.write(viewType.ordinal());
        ItemCodec.writeText(region, out);
        ItemCodec.writeVarint(sizeBytes, out);
        ItemCodec.writeItem(keys, out);
        writeImage(newImage, out);
        writeImage(oldImage, out);
        return out.toByteArray();
    }

    /** The record stored at {@code sequence} of table {@code tableId}, created at {@code createdAtMillis}. */
    static GetRecords.ChangeRecord decode(long tableId, long sequence, long createdAtMillis, ByteBuffer in) {
        byte version = in.get();
        if (version != ItemCodec.FORMAT_VERSION) {
            throw new StoreException("a stored change record has format version " + version + "; this engine reads "
                    + "version " + ItemCodec.FORMAT_VERSION);
        }
        String eventName = switch (in.get()) {
            case 'I' -> "INSERT";
            case 'M' -> "MODIFY";
            case 'R' -> "REMOVE";
            default -> throw new StoreException("a stored change record has an unknown event");
        };
        boolean expiredByTtl = (in.get() & TTL_FLAG) != 0;
        StreamViewType viewType = StreamViewType.values()[in.get()];
        String region = ItemCodec.readText(in);
        long sizeBytes = ItemCodec.readVarint(in);
        Map<String, AttributeValue> keys = ItemCodec.readItem(in);
        Map<String, AttributeValue> newImage = readImage(in);
        Map<String, AttributeValue> oldImage = readImage(in);
        GetRecords.StreamRecord body = new GetRecords.StreamRecord(BigDecimal.valueOf(createdAtMillis / 1000), keys,
                newImage, oldImage, SequenceAllocator.format(sequence), sizeBytes, viewType.name());
        return new GetRecords.ChangeRecord(String.format("%016x%016x", tableId, sequence), eventName, "1.1",
                "aws:dynamodb", region, body, expiredByTtl ? TTL_SERVICE : null);
    }

    private static void writeImage(Map<String, AttributeValue> image, ByteArrayOutputStream out) {
        out.write(image == null ? 0 : 1);
        if (image != null) {
            ItemCodec.writeItem(image, out);
        }
    }

    private static Map<String, AttributeValue> readImage(ByteBuffer in) {
        return in.get() == 0 ? null : ItemCodec.readItem(in);
    }
}
