package io.shardline.connector.sink;

import io.shardline.connector.codec.AttributeValueBinary;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;

/**
 * Checkpoint form of the writes a sink writer still buffers, versioned: version 2 writes the kind of
 * write (put, delete, snapshot put) as a byte where version 1 wrote whether it deletes, and each
 * write's change time after its attributes; version 1 state reads with the change time unknown.
 */
@Internal
public final class TableWriteStateSerializer extends AsyncSinkWriterStateSerializer<TableWrite> {
    private static final int VERSION = 2;
    private static final TableWrite.Kind[] KINDS = TableWrite.Kind.values();
    /** The version of the state being read: the base class hands entries over without it. */
    private int readingVersion = VERSION;

    @Override
    public BufferedRequestState<TableWrite> deserialize(int version, byte[] serialized) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException("Unknown table sink state version " + version + "; this sink reads 1 to " + VERSION);
        }
        readingVersion = version;
        return super.deserialize(version, serialized);
    }

    @Override
    protected void serializeRequestToStream(TableWrite write, DataOutputStream out) throws IOException {
        out.writeByte(write.kind().ordinal());
        out.writeLong(write.version());
        AttributeValueBinary.writeMap(write.attributes(), out);
        out.writeLong(write.changeTimeMillis());
    }

    @Override
    protected TableWrite deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        TableWrite.Kind kind = readingVersion >= 2
                ? KINDS[in.readByte()]
                : in.readBoolean() ? TableWrite.Kind.DELETE : TableWrite.Kind.PUT;
        long version = in.readLong();
        return TableWrite.of(kind, AttributeValueBinary.readMap(in), version, readingVersion >= 2 ? in.readLong() : 0);
    }

    @Override
    public int getVersion() {
        return VERSION;
    }
}
