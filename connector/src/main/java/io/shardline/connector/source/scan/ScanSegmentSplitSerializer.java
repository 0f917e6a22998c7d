package io.shardline.connector.source.scan;

import io.shardline.connector.codec.AttributeValueBinary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoint form of {@link ScanSegmentSplit}s: one split, or the enumerator's list of them. Version 1. */
@Internal
final class ScanSegmentSplitSerializer {
    private static final int VERSION = 1;

    private ScanSegmentSplitSerializer() {}

    static final SimpleVersionedSerializer<ScanSegmentSplit> SPLIT = new Versioned<>() {
        @Override
        void write(DataOutputStream out, ScanSegmentSplit split) throws IOException {
            writeSplit(out, split);
        }

        @Override
        ScanSegmentSplit read(DataInputStream in) throws IOException {
            return readSplit(in);
        }
    };

    static final SimpleVersionedSerializer<List<ScanSegmentSplit>> SPLITS = new Versioned<>() {
        @Override
        void write(DataOutputStream out, List<ScanSegmentSplit> splits) throws IOException {
            out.writeInt(splits.size());
            for (ScanSegmentSplit split : splits) {
                writeSplit(out, split);
            }
        }

        @Override
        List<ScanSegmentSplit> read(DataInputStream in) throws IOException {
            int count = in.readInt();
            List<ScanSegmentSplit> splits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                splits.add(readSplit(in));
            }
            return splits;
        }
    };

    private static void writeSplit(DataOutputStream out, ScanSegmentSplit split) throws IOException {
        out.writeUTF(split.table());
        out.writeInt(split.segment());
        out.writeInt(split.totalSegments());
        out.writeBoolean(split.after() != null);
        if (split.after() != null) {
            AttributeValueBinary.writeMap(split.after(), out);
        }
    }

    private static ScanSegmentSplit readSplit(DataInputStream in) throws IOException {
        return new ScanSegmentSplit(
                in.readUTF(), in.readInt(), in.readInt(), in.readBoolean() ? AttributeValueBinary.readMap(in) : null);
    }

    /** Version check and byte handling shared by both forms. */
    private abstract static class Versioned<V> implements SimpleVersionedSerializer<V> {
        abstract void write(DataOutputStream out, V value) throws IOException;

        abstract V read(DataInputStream in) throws IOException;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(V value) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(out, value);
            }
            return bytes.toByteArray();
        }

        @Override
        public V deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) {
                throw new IOException(
                        "Unknown scan split serializer version " + version + "; this reader knows " + VERSION);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }
    }
}
