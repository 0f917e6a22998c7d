package io.shardline.connector.source;

import io.shardline.connector.codec.AttributeValueBinary;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flink's serializer of {@link ChangeRecord}s, with attribute values in the connector's binary
 * form: a generic (Kryo) serializer cannot rebuild the AWS SDK's unmodifiable maps of map and list
 * attributes. Change records are immutable, so copies are the records themselves.
 */
@Internal
public final class ChangeRecordSerializer extends TypeSerializerSingleton<ChangeRecord> {
    public static final ChangeRecordSerializer INSTANCE = new ChangeRecordSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public ChangeRecord createInstance() {
        return null;
    }

    @Override
    public ChangeRecord copy(ChangeRecord from) {
        return from;
    }

    @Override
    public ChangeRecord copy(ChangeRecord from, ChangeRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ChangeRecord record, DataOutputView out) throws IOException {
        writeText(record.eventId(), out);
        writeText(record.eventName(), out);
        writeText(record.eventVersion(), out);
        writeText(record.eventSource(), out);
        writeText(record.awsRegion(), out);
        writeMap(record.keys(), out);
        writeMap(record.oldImage(), out);
        writeMap(record.newImage(), out);
        writeText(record.sequenceNumber(), out);
        out.writeBoolean(record.sizeBytes() != null);
        if (record.sizeBytes() != null) {
            out.writeLong(record.sizeBytes());
        }
        out.writeLong(record.approximateCreationTimeMillis());
        writeText(record.viewType(), out);
        writeText(record.shardId(), out);
        out.writeBoolean(record.userIdentity() != null);
        if (record.userIdentity() != null) {
            writeText(record.userIdentity().principalId(), out);
            writeText(record.userIdentity().type(), out);
        }
    }

    @Override
    public ChangeRecord deserialize(DataInputView in) throws IOException {
        String eventId = readText(in);
        String eventName = readText(in);
        String eventVersion = readText(in);
        String eventSource = readText(in);
        String awsRegion = readText(in);
        Map<String, AttributeValue> keys = readMap(in);
        Map<String, AttributeValue> oldImage = readMap(in);
        Map<String, AttributeValue> newImage = readMap(in);
        String sequenceNumber = readText(in);
        Long sizeBytes = in.readBoolean() ? in.readLong() : null;
        long created = in.readLong();
        String viewType = readText(in);
        String shardId = readText(in);
        ChangeRecord.Identity identity =
                in.readBoolean() ? new ChangeRecord.Identity(readText(in), readText(in)) : null;
        return new ChangeRecord(
                eventId,
                eventName,
                eventVersion,
                eventSource,
                awsRegion,
                keys,
                oldImage,
                newImage,
                sequenceNumber,
                sizeBytes,
                created,
                viewType,
                shardId,
                identity);
    }

    @Override
    public ChangeRecord deserialize(ChangeRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    private static void writeText(String text, DataOutputView out) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readText(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeMap(Map<String, AttributeValue> map, DataOutputView out) throws IOException {
        out.writeBoolean(map != null);
        if (map != null) {
            AttributeValueBinary.writeMap(map, out);
        }
    }

    private static Map<String, AttributeValue> readMap(DataInputView in) throws IOException {
        return in.readBoolean() ? AttributeValueBinary.readMap(in) : null;
    }

    @Override
    public TypeSerializerSnapshot<ChangeRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot: one format so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ChangeRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
