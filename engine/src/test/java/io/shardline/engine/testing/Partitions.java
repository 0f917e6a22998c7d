package io.shardline.engine.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.table.Partition;

/** Partition moves for tests that need splits during a workload. */
public final class Partitions {
    private Partitions() {
    }

    /** Splits the open partition covering the widest hash range (so splits spread over the table). */
    public static void splitWidest(Engine engine, String table) {
        Partition widest = engine.partitions(table).stream().filter(Partition::isOpen)
                .max((a, b) -> Long.compareUnsigned(a.hashEnd() - a.hashStart(), b.hashEnd() - b.hashStart()))
                .orElseThrow();
        engine.splitPartition(table, widest.id());
    }
}
