package io.shardline.engine.changelog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.storage.ItemCodec;
import io.shardline.engine.storage.StoreException;
import io.shardline.engine.storage.StoredItemJson;
import io.shardline.items.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stored form of a change record, in the store's own binary format ({@link ItemCodec}): the
 * format version, the event (I, M or R), a TTL flag, the view type, the region, the size DynamoDB
 * Streams reports, the keys, and the images the view type carries. The event id, sequence number
 * and creation time come from the record's key and value prefix ({@link StreamKeys}), so they are
 * not stored twice. A stored record is read back as the embedded API's object or written straight
 * as DynamoDB Streams JSON.
 */
final class ChangeRecordCodec {
    private static final GetRecords.Identity TTL_SERVICE = new GetRecords.Identity("dynamodb.amazonaws.com", "Service");
    private static final byte TTL_FLAG = 1;
    private static final String EVENT_VERSION = "1.1";
    private static final String EVENT_SOURCE = "aws:dynamodb";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private ChangeRecordCodec() {}

    static byte[] encode(
            String eventName,
            boolean expiredByTtl,
            StreamViewType viewType,
            String region,
            long sizeBytes,
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> newImage,
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
        Header header = Header.read(in);
        Map<String, AttributeValue> keys = ItemCodec.readItem(in);
        Map<String, AttributeValue> newImage = readImage(in);
        Map<String, AttributeValue> oldImage = readImage(in);
        GetRecords.StreamRecord body = new GetRecords.StreamRecord(
                BigDecimal.valueOf(createdAtMillis / 1000),
                keys,
                newImage,
                oldImage,
                SequenceAllocator.format(sequence),
                header.sizeBytes(),
                header.viewType().name());
        return new GetRecords.ChangeRecord(
                eventId(tableId, sequence),
                header.eventName(),
                EVENT_VERSION,
                EVENT_SOURCE,
                header.region(),
                body,
                header.expiredByTtl() ? TTL_SERVICE : null);
    }

    /**
     * Writes the record stored at {@code sequence} as DynamoDB Streams JSON straight from its stored
     * bytes: the same JSON as the wire codec writes for {@link #decode}'s result, with no attribute
     * value built on the way.
     */
    static void writeJson(long tableId, long sequence, long createdAtMillis, ByteBuffer in, JsonGenerator out)
            throws IOException {
        Header header = Header.read(in);
        out.writeStartObject();
        out.writeFieldName(Names.EVENT_ID);
        byte[] eventId = eventIdDigits(tableId, sequence);
        out.writeRawUTF8String(eventId, 0, eventId.length);
        out.writeFieldName(Names.EVENT_NAME);
        out.writeString(Names.EVENTS.get(header.eventName()));
        out.writeFieldName(Names.EVENT_VERSION);
        out.writeString(Names.VERSION);
        out.writeFieldName(Names.EVENT_SOURCE);
        out.writeString(Names.SOURCE);
        out.writeFieldName(Names.AWS_REGION);
        out.writeString(header.region());
        out.writeFieldName(Names.DYNAMODB);
        out.writeStartObject();
        out.writeFieldName(Names.CREATION_TIME);
        out.writeNumber(createdAtMillis / 1000);
        out.writeFieldName(Names.KEYS);
        StoredItemJson.writeItem(in, out);
        if (in.get() != 0) {
            out.writeFieldName(Names.NEW_IMAGE);
            StoredItemJson.writeItem(in, out);
        }
        if (in.get() != 0) {
            out.writeFieldName(Names.OLD_IMAGE);
            StoredItemJson.writeItem(in, out);
        }
        out.writeFieldName(Names.SEQUENCE_NUMBER);
        byte[] sequenceNumber = SequenceAllocator.format(sequence).getBytes(StandardCharsets.ISO_8859_1);
        out.writeRawUTF8String(sequenceNumber, 0, sequenceNumber.length);
        out.writeFieldName(Names.SIZE_BYTES);
        out.writeNumber(header.sizeBytes());
        out.writeFieldName(Names.VIEW_TYPE);
        out.writeString(Names.VIEW_TYPES.get(header.viewType()));
        out.writeEndObject();
        if (header.expiredByTtl()) {
            out.writeFieldName(Names.USER_IDENTITY);
            out.writeStartObject();
            out.writeFieldName(Names.PRINCIPAL_ID);
            out.writeString(TTL_SERVICE.principalId());
            out.writeFieldName(Names.TYPE);
            out.writeString(TTL_SERVICE.type());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** DynamoDB Streams' event id: the table id and the sequence number, 16 hex digits each. */
    private static String eventId(long tableId, long sequence) {
        return new String(eventIdDigits(tableId, sequence), StandardCharsets.ISO_8859_1);
    }

    private static byte[] eventIdDigits(long tableId, long sequence) {
        byte[] digits = new byte[32];
        for (int i = 0; i < 16; i++) {
            digits[15 - i] = HEX[(int) (tableId >>> (4 * i)) & 15];
            digits[31 - i] = HEX[(int) (sequence >>> (4 * i)) & 15];
        }
        return digits;
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

    /** What a stored record holds before its keys: the event, the TTL flag, view type, region and size. */
    private record Header(
            String eventName, boolean expiredByTtl, StreamViewType viewType, String region, long sizeBytes) {
        static Header read(ByteBuffer in) {
            byte version = in.get();
            if (version != ItemCodec.FORMAT_VERSION) {
                throw new StoreException("a stored change record has format version " + version + "; this engine "
                        + "reads version " + ItemCodec.FORMAT_VERSION);
            }
            String eventName = switch (in.get()) {
                case 'I' -> "INSERT";
                case 'M' -> "MODIFY";
                case 'R' -> "REMOVE";
                default -> throw new StoreException("a stored change record has an unknown event");
            };
            boolean expiredByTtl = (in.get() & TTL_FLAG) != 0;
            StreamViewType viewType = StreamViewType.values()[in.get()];
            return new Header(eventName, expiredByTtl, viewType, ItemCodec.readText(in), ItemCodec.readVarint(in));
        }
    }

    /** The JSON member names of a change record, prepared once. */
    private static final class Names {
        static final SerializableString EVENT_ID = new SerializedString("eventID");
        static final SerializableString EVENT_NAME = new SerializedString("eventName");
        static final SerializableString EVENT_VERSION = new SerializedString("eventVersion");
        static final SerializableString EVENT_SOURCE = new SerializedString("eventSource");
        static final SerializableString AWS_REGION = new SerializedString("awsRegion");
        static final SerializableString DYNAMODB = new SerializedString("dynamodb");
        static final SerializableString CREATION_TIME = new SerializedString("ApproximateCreationDateTime");
        static final SerializableString KEYS = new SerializedString("Keys");
        static final SerializableString NEW_IMAGE = new SerializedString("NewImage");
        static final SerializableString OLD_IMAGE = new SerializedString("OldImage");
        static final SerializableString SEQUENCE_NUMBER = new SerializedString("SequenceNumber");
        static final SerializableString SIZE_BYTES = new SerializedString("SizeBytes");
        static final SerializableString VIEW_TYPE = new SerializedString("StreamViewType");
        static final SerializableString USER_IDENTITY = new SerializedString("userIdentity");
        static final SerializableString PRINCIPAL_ID = new SerializedString("PrincipalId");
        static final SerializableString TYPE = new SerializedString("Type");
        static final SerializableString VERSION = new SerializedString(ChangeRecordCodec.EVENT_VERSION);
        static final SerializableString SOURCE = new SerializedString(ChangeRecordCodec.EVENT_SOURCE);
        static final Map<String, SerializableString> EVENTS = Map.of(
                "INSERT",
                new SerializedString("INSERT"),
                "MODIFY",
                new SerializedString("MODIFY"),
                "REMOVE",
                new SerializedString("REMOVE"));
        static final Map<StreamViewType, SerializableString> VIEW_TYPES = new EnumMap<>(StreamViewType.class);

        static {
            for (StreamViewType viewType : StreamViewType.values()) {
                VIEW_TYPES.put(viewType, new SerializedString(viewType.name()));
            }
        }

        private Names() {}
    }
}
