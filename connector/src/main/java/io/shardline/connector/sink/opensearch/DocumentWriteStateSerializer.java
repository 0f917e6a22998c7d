package io.shardline.connector.sink.opensearch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Buffered document writes in checkpoints: id, version, and the source or a delete marker. Version 1. */
final class DocumentWriteStateSerializer extends AsyncSinkWriterStateSerializer<DocumentWrite> {
    @Override
    protected void serializeRequestToStream(DocumentWrite write, DataOutputStream out) throws IOException {
        out.writeUTF(write.id());
        out.writeLong(write.version());
        out.writeBoolean(write.isDelete());
        if (!write.isDelete()) {
            byte[] source = write.source().getBytes(UTF_8);
            out.writeInt(source.length);
            out.write(source);
        }
    }

    @Override
    protected DocumentWrite deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        String id = in.readUTF();
        long version = in.readLong();
        if (in.readBoolean()) {
            return DocumentWrite.delete(id, version);
        }
        byte[] source = new byte[in.readInt()];
        in.readFully(source);
        return DocumentWrite.index(id, version, new String(source, UTF_8));
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
