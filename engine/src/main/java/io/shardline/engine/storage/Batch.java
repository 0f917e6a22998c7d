package io.shardline.engine.storage;

import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Writes gathered across column families, applied all together by {@link Store#commit}; close after use. */
public final class Batch implements AutoCloseable {
    private final WriteBatch writes;
    private final Map<Family, ColumnFamilyHandle> handles;

    Batch(WriteBatch writes, Map<Family, ColumnFamilyHandle> handles) {
        this.writes = writes;
        this.handles = handles;
    }

    public Batch put(Family family, byte[] key, byte[] value) {
        try {
            writes.put(handles.get(family), key, value);
        } catch (RocksDBException e) {
            throw new StoreException("cannot stage put", e);
        }
        return this;
    }

    public Batch delete(Family family, byte[] key) {
        try {
            writes.delete(handles.get(family), key);
        } catch (RocksDBException e) {
            throw new StoreException("cannot stage delete", e);
        }
        return this;
    }

    /** Deletes every key in [from, to). */
    public Batch deleteRange(Family family, byte[] from, byte[] to) {
        try {
            writes.deleteRange(handles.get(family), from, to);
        } catch (RocksDBException e) {
            throw new StoreException("cannot stage range delete", e);
        }
        return this;
    }

    /** Adds {@code delta} (which may be negative) to a counter of a counter family. */
    public Batch add(Family family, byte[] key, long delta) {
        try {
            writes.merge(handles.get(family), key, Counters.encode(delta));
        } catch (RocksDBException e) {
            throw new StoreException("cannot stage counter update", e);
        }
        return this;
    }

    /** Sets a counter of a counter family to an absolute value. */
    public Batch setCounter(Family family, byte[] key, long value) {
        return put(family, key, Counters.encode(value));
    }

    WriteBatch writes() {
        return writes;
    }

    @Override
    public void close() {
        writes.close();
    }
}
