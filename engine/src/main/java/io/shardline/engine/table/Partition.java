package io.shardline.engine.table;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A hash-range partition of a table: the partition keys whose 64-bit hash lies in
 * [{@code hashStart}, {@code hashEnd}] (unsigned, inclusive). A partition that split has
 * {@code closedAtMillis} set and two children naming it as their parent; this lineage is what the
 * stream turns into shard lineage.
 */
public record Partition(
        long id, Long parentId, long hashStart, long hashEnd, long createdAtMillis, Long closedAtMillis) {

    @JsonIgnore
    public boolean isOpen() {
        return closedAtMillis == null;
    }

    public boolean contains(long hash) {
        return Long.compareUnsigned(hash, hashStart) >= 0 && Long.compareUnsigned(hash, hashEnd) <= 0;
    }

    Partition close(long atMillis) {
        return new Partition(id, parentId, hashStart, hashEnd, createdAtMillis, atMillis);
    }
}
