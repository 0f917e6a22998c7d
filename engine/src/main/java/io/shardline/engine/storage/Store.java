package io.shardline.engine.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The engine's embedded RocksDB: one column family per {@link Family}, atomic multi-family commits,
 * a sync policy, and bounded native memory (one block cache and one memtable budget for all column
 * families). In durable mode every commit syncs the write-ahead log before it returns;
 * RocksDB groups concurrent committers into one log write and one sync (group commit). In memory
 * mode the same store runs on RocksDB's in-memory environment without a write-ahead log.
 */
public final class Store implements AutoCloseable {
    /** RocksDB's block cache, shared by every column family. */
    public static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;
    /** The memory all memtables together may use before RocksDB flushes them; charged to the block cache. */
    public static final long MEMTABLE_BYTES = 128L * 1024 * 1024;

    static {
        RocksDB.loadLibrary();
    }

    private static final byte[] FORMAT_KEY = "format-version".getBytes(StandardCharsets.UTF_8);

    private final RocksDB db;
    private final Map<Family, ColumnFamilyHandle> handles = new EnumMap<>(Family.class);
    /** Options, caches and the environment: closed after the database. */
    private final List<AutoCloseable> resources = new ArrayList<>();

    private final List<ColumnFamilyHandle> columnFamilies = new ArrayList<>();
    private final Set<Cursor> openCursors = ConcurrentHashMap.newKeySet();
    private final WriteOptions writeOptions;

    private Store(Path path, Env env, boolean sync) {
        LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
        WriteBufferManager writeBuffers = new WriteBufferManager(MEMTABLE_BYTES, cache);
        DBOptions dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setEnableWriteThreadAdaptiveYield(true)
                .setWriteBufferManager(writeBuffers)
                .setEnv(env);
        resources.add(dbOptions);
        resources.add(writeBuffers);
        resources.add(cache);
        BlockBasedTableConfig tables = new BlockBasedTableConfig().setBlockCache(cache);
        ColumnFamilyOptions plain = new ColumnFamilyOptions().setTableFormatConfig(tables);
        ColumnFamilyOptions counters = new ColumnFamilyOptions().setTableFormatConfig(tables);
        UInt64AddOperator add = new UInt64AddOperator();
        counters.setMergeOperator(add);
        resources.add(plain);
        resources.add(counters);
        resources.add(add);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, plain));
        for (Family family : Family.values()) {
            descriptors.add(
                    new ColumnFamilyDescriptor(family.columnFamilyName(), family.counters() ? counters : plain));
        }
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        try {
            db = RocksDB.open(dbOptions, path.toString(), descriptors, opened);
        } catch (RocksDBException e) {
            close(resources);
            throw new StoreException("cannot open store at " + path, e);
        }
        for (int i = 0; i < Family.values().length; i++) {
            handles.put(Family.values()[i], opened.get(i + 1));
        }
        columnFamilies.addAll(opened);
        writeOptions = new WriteOptions().setSync(sync).setDisableWAL(!sync);
        resources.add(writeOptions);
        try {
            checkFormat(path);
        } catch (StoreException e) {
            close();
            throw e;
        }
    }

    /**
     * Records the store's format version in a new data directory, and refuses one written in another
     * format (or before formats were versioned), saying so, rather than misreading it.
     */
    private void checkFormat(Path path) {
        byte[] stored = get(Family.META, FORMAT_KEY);
        if (stored == null) {
            if (!isEmpty()) {
                throw new StoreException("The data directory " + path
                        + " was written by a Shardline engine from before "
                        + "format versions (items stored as JSON); this engine reads format version "
                        + ItemCodec.FORMAT_VERSION + " only. Open an empty data directory and copy the tables over "
                        + "(Scan, then BatchWriteItem)");
            }
            try (Batch batch = batch()) {
                batch.put(Family.META, FORMAT_KEY, new byte[] {ItemCodec.FORMAT_VERSION});
                commit(batch);
            }
        } else if (stored.length != 1 || stored[0] != ItemCodec.FORMAT_VERSION) {
            throw new StoreException("The data directory " + path + " was written in format version "
                    + (stored.length == 1 ? Byte.toString(stored[0]) : "(unreadable)") + "; this engine reads format "
                    + "version " + ItemCodec.FORMAT_VERSION + " only");
        }
    }

    private boolean isEmpty() {
        for (Family family : List.of(Family.META, Family.ITEMS, Family.STREAM)) {
            try (Cursor cursor = cursor(family)) {
                cursor.seek(new byte[0]);
                if (cursor.isValid()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Opens (creating if needed) a durable store in {@code dataDir}: every commit is synced to disk. */
    public static Store openDurable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir, e);
        }
        return new Store(dataDir, Env.getDefault(), true);
    }

    /** Opens an empty store that lives in memory and vanishes on close. */
    public static Store openInMemory() {
        RocksMemEnv env = new RocksMemEnv(Env.getDefault());
        Store store = new Store(Path.of("/shardline-memory-" + UUID.randomUUID()), env, false);
        store.resources.add(env);
        return store;
    }

    public byte[] get(Family family, byte[] key) {
        try {
            return db.get(handles.get(family), key);
        } catch (RocksDBException e) {
            throw new StoreException("read failed", e);
        }
    }

    /** Reads a counter kept with {@link Batch#add}; 0 when it was never written. */
    public long counter(Family family, byte[] key) {
        return Counters.decode(get(family, key));
    }

    /** A consistent point-in-time view for several reads; the caller closes it. */
    public Snapshot snapshot() {
        return new Snapshot(db, handles);
    }

    /** A cursor over one family; the caller closes it (the store closes any left open when it closes). */
    public Cursor cursor(Family family) {
        ReadOptions options = new ReadOptions();
        Cursor cursor = new Cursor(options, db.newIterator(handles.get(family), options), openCursors::remove);
        openCursors.add(cursor);
        return cursor;
    }

    /** Starts a batch of writes that {@link #commit} applies atomically. */
    public Batch batch() {
        return new Batch(new WriteBatch(), handles);
    }

    /** Applies the batch atomically; when durable, returns only once it is synced to disk. */
    public void commit(Batch batch) {
        try {
            db.write(writeOptions, batch.writes());
        } catch (RocksDBException e) {
            throw new StoreException("write failed", e);
        }
    }

    /** Closes open cursors, then the column family handles, then the database, then its options, as RocksDB requires. */
    @Override
    public void close() {
        List<AutoCloseable> toClose = new ArrayList<>(openCursors);
        toClose.addAll(columnFamilies);
        toClose.add(db);
        toClose.addAll(resources);
        close(toClose);
    }

    private static void close(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing native handles cannot usefully fail further
            }
        }
    }
}
