package io.shardline.engine.storage;

import java.nio.charset.StandardCharsets;

/** The column families of the store and what each holds. */
public enum Family {
    /** Items, keyed by {@link ItemKeys}. */
    ITEMS("items", false),
    /** Table definitions and engine-wide sequences, keyed by name. */
    META("meta", false),
    /** Per-partition item counts and sizes, kept as 64-bit add counters. */
    STATS("stats", true),
    /** Change records of table streams, keyed by table, shard and sequence number. */
    STREAM("stream", false),
    /** Secondary index entries, keyed like items under the index's id (see {@code index.IndexKeys}). */
    INDEXES("indexes", false);

    private final String name;
    private final boolean counters;

    Family(String name, boolean counters) {
        this.name = name;
        this.counters = counters;
    }

    byte[] columnFamilyName() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    boolean counters() {
        return counters;
    }
}
