package io.shardline.engine.storage;

import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** Reads that all see the store as it was at one instant. */
public final class Snapshot implements AutoCloseable {
    private final RocksDB db;
    private final Map<Family, ColumnFamilyHandle> handles;
    private final org.rocksdb.Snapshot snapshot;
    private final ReadOptions options;

    Snapshot(RocksDB db, Map<Family, ColumnFamilyHandle> handles) {
        this.db = db;
        this.handles = handles;
        this.snapshot = db.getSnapshot();
        this.options = new ReadOptions().setSnapshot(snapshot);
    }

    public byte[] get(Family family, byte[] key) {
        try {
            return db.get(handles.get(family), options, key);
        } catch (RocksDBException e) {
            throw new StoreException("snapshot read failed", e);
        }
    }

    @Override
    public void close() {
        options.close();
        db.releaseSnapshot(snapshot);
    }
}
