package io.shardline.connector.source.split;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoint form of {@link ShardSplit}, versioned. */
@Internal
public final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {
    public static final ShardSplitSerializer INSTANCE = new ShardSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ShardSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, split);
        }
        return bytes.toByteArray();
    }

    @Override
    public ShardSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown ShardSplit serializer version " + version + "; this reader knows " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    /** Writes a split into a larger record (the enumerator state). */
    public static void write(DataOutputStream out, ShardSplit split) throws IOException {
        out.writeUTF(split.streamArn());
        out.writeUTF(split.shardId());
        writeNullable(out, split.parentShardId());
        writeNullable(out, split.afterSequenceNumber());
        out.writeBoolean(split.startAtLatest());
        out.writeLong(split.startAtMillis());
    }

    public static ShardSplit read(DataInputStream in) throws IOException {
        return new ShardSplit(in.readUTF(), in.readUTF(), readNullable(in), readNullable(in), in.readBoolean(),
                in.readLong());
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
