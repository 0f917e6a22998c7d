package io.shardline.engine.storage;

import java.util.function.Consumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * Walks the keys of one column family in order, from the state of the store when it was opened.
 * The store tracks open cursors and closes any still open when it closes, before the database;
 * callers close theirs with try-with-resources.
 */
public final class Cursor implements AutoCloseable {
    private final ReadOptions options;
    private final RocksIterator iterator;
    private final Consumer<Cursor> onClose;
    private boolean closed;

    Cursor(ReadOptions options, RocksIterator iterator, Consumer<Cursor> onClose) {
        this.options = options;
        this.iterator = iterator;
        this.onClose = onClose;
    }

    /** Moves to the first key at or after {@code key}. */
    public void seek(byte[] key) {
        iterator.seek(key);
    }

    /** Moves to the last key at or before {@code key}. */
    public void seekForPrev(byte[] key) {
        iterator.seekForPrev(key);
    }

    public boolean isValid() {
        return iterator.isValid();
    }

    public byte[] key() {
        return iterator.key();
    }

    public byte[] value() {
        return iterator.value();
    }

    public void next() {
        iterator.next();
    }

    public void prev() {
        iterator.prev();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            iterator.close();
            options.close();
            onClose.accept(this);
        }
    }
}
