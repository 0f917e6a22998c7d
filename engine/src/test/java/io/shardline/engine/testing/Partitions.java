package io.shardline.engine.testing;

import io.shardline.engine.Engine;

/** Partition moves for tests that need splits during a workload. */
public final class Partitions {
    private Partitions() {}

    /** Splits the open partition covering the widest hash range (so splits spread over the table). */
    public static void splitWidest(Engine engine, String table) {
        engine.splitWidestPartition(table);
    }
}
