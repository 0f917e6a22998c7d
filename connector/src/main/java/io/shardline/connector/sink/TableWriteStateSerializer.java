package io.shardline.connector.sink;

import io.shardline.connector.codec.AttributeValueBinary;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Checkpoint form of the writes a sink writer still buffers, versioned. */
@Internal
public final class TableWriteStateSerializer extends AsyncSinkWriterStateSerializer<TableWrite> {
    private static final int VERSION = 1;

    @Override
    protected void serializeRequestToStream(TableWrite write, DataOutputStream out) throws IOException {
        out.writeBoolean(write.isDelete());
        out.writeLong(write.version());
        AttributeValueBinary.writeMap(write.attributes(), out);
    }

    @Override
    protected TableWrite deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        boolean delete = in.readBoolean();
        long version = in.readLong();
        return delete ? TableWrite.delete(AttributeValueBinary.readMap(in), version)
                : TableWrite.put(AttributeValueBinary.readMap(in), version);
    }

    @Override
    public int getVersion() {
        return VERSION;
    }
}
