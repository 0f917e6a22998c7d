package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitSerializer;
import io.shardline.connector.source.split.SplitId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoint form of {@link EnumeratorState}, versioned. */
@Internal
public final class EnumeratorStateSerializer implements SimpleVersionedSerializer<EnumeratorState> {
    /** Version 2 writes pending splits in ShardSplitSerializer's version 2. */
    private static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(EnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.streamArns().size());
            for (String arn : state.streamArns()) {
                out.writeUTF(arn);
            }
            out.writeInt(state.finishedBy().size());
            for (Map.Entry<SplitId, Integer> finished : state.finishedBy().entrySet()) {
                out.writeUTF(finished.getKey().toString());
                out.writeInt(finished.getValue());
            }
            writeIds(out, state.assigned());
            out.writeInt(state.pending().size());
            for (ShardSplit split : state.pending()) {
                ShardSplitSerializer.write(out, split);
            }
            out.writeBoolean(state.initialDiscoveryDone());
        }
        return bytes.toByteArray();
    }

    @Override
    public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException(
                    "Unknown enumerator state version " + version + "; this enumerator knows 1 to " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int streamCount = in.readInt();
            List<String> streams = new ArrayList<>(streamCount);
            for (int i = 0; i < streamCount; i++) {
                streams.add(in.readUTF());
            }
            int finishedCount = in.readInt();
            Map<SplitId, Integer> finished = new HashMap<>(finishedCount);
            for (int i = 0; i < finishedCount; i++) {
                finished.put(SplitId.parse(in.readUTF()), in.readInt());
            }
            Set<SplitId> assigned = readIds(in);
            int pendingCount = in.readInt();
            List<ShardSplit> pending = new ArrayList<>(pendingCount);
            for (int i = 0; i < pendingCount; i++) {
                pending.add(ShardSplitSerializer.read(in, version == 1 ? 1 : ShardSplitSerializer.VERSION));
            }
            EnumeratorState state = new EnumeratorState(streams, finished, assigned, pending, in.readBoolean());
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes left after an enumerator state of version " + version);
            }
            return state;
        }
    }

    private static void writeIds(DataOutputStream out, Set<SplitId> ids) throws IOException {
        out.writeInt(ids.size());
        for (SplitId id : ids) {
            out.writeUTF(id.toString());
        }
    }

    private static Set<SplitId> readIds(DataInputStream in) throws IOException {
        int count = in.readInt();
        Set<SplitId> ids = new HashSet<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(SplitId.parse(in.readUTF()));
        }
        return ids;
    }
}
