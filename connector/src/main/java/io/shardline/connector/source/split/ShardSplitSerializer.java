package io.shardline.connector.source.split;

import io.shardline.connector.source.StartingPosition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoint form of {@link ShardSplit}, versioned. */
@Internal
public final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {
    public static final ShardSplitSerializer INSTANCE = new ShardSplitSerializer();
    /** Version 2 adds the shard's starting sequence number and whether the split may start at the trim horizon. */
    public static final int VERSION = 2;

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
        if (version < 1 || version > VERSION) {
            throw new IOException(
                    "Unknown ShardSplit serializer version " + version + "; this reader knows 1 to " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            ShardSplit split = read(in, version);
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes left after a ShardSplit of version " + version);
            }
            return split;
        }
    }

    /** Writes a split into a larger record (the enumerator state). */
    public static void write(DataOutputStream out, ShardSplit split) throws IOException {
        out.writeUTF(split.streamArn());
        out.writeUTF(split.shardId());
        writeNullable(out, split.parentShardId());
        writeNullable(out, split.afterSequenceNumber());
        out.writeBoolean(split.start() instanceof StartingPosition.Latest);
        out.writeLong(
                split.start() instanceof StartingPosition.AtTimestamp at
                        ? at.time().toEpochMilli()
                        : 0);
        writeNullable(out, split.startingSequenceNumber());
        out.writeBoolean(split.mayStartAtTrimHorizon());
    }

    /** Reads a split written by {@link #write} at {@code version}. */
    public static ShardSplit read(DataInputStream in, int version) throws IOException {
        String streamArn = in.readUTF();
        String shardId = in.readUTF();
        String parent = readNullable(in);
        String after = readNullable(in);
        boolean latest = in.readBoolean();
        long startAtMillis = in.readLong();
        StartingPosition start = latest
                ? StartingPosition.latest()
                : startAtMillis > 0
                        ? StartingPosition.atTimestamp(Instant.ofEpochMilli(startAtMillis))
                        : StartingPosition.trimHorizon();
        if (version == 1) {
            return new ShardSplit(streamArn, shardId, parent, after, start);
        }
        return new ShardSplit(streamArn, shardId, parent, readNullable(in), after, start, in.readBoolean());
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
