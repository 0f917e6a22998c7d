package io.shardline.connector.sink;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One write the table sink makes: put a whole item, or delete the item with a key, carrying a version
 * that never decreases for a key (for example the source record's sequence number, or how many events
 * a window result covers). The sink writes it only if the stored item's version is lower, so replays
 * and retries never move an item back to an older state. The exceptions: {@link #snapshotPut},
 * {@link #putIfAbsent}, and the unversioned writes of an upsert stream ({@link #unversionedPut}).
 */
@PublicEvolving
public final class TableWrite implements Serializable {
    /** What a write does. */
    public enum Kind {
        PUT,
        DELETE,
        SNAPSHOT_PUT,
        PUT_IF_ABSENT,
        UNVERSIONED_PUT,
        UNVERSIONED_DELETE
    }

    private final Map<String, AttributeValue> attributes;
    private final Kind kind;
    private final long version;
    private final long changeTimeMillis;

    private TableWrite(Map<String, AttributeValue> attributes, Kind kind, long version, long changeTimeMillis) {
        this.attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.version = version;
        this.changeTimeMillis = changeTimeMillis;
    }

    /** Put {@code item} (which holds the key attributes) at {@code version}. */
    public static TableWrite put(Map<String, AttributeValue> item, long version) {
        return new TableWrite(item, Kind.PUT, version, 0);
    }

    /** Delete the item with {@code key}, unless it is already at {@code version} or newer. */
    public static TableWrite delete(Map<String, AttributeValue> key, long version) {
        return new TableWrite(key, Kind.DELETE, version, 0);
    }

    /**
     * Put {@code item} as a copy of a table's snapshot: written in BatchWriteItem requests of up to
     * 25, several times faster than conditional puts, but without the version condition, which
     * BatchWriteItem cannot carry. Use it only where no newer write of the key can reach the table
     * before it, as in a job whose keyed state drops snapshot items its stream changes superseded;
     * the sink keeps each key's writes in order. After a failure or a restore from a checkpoint,
     * when a replayed snapshot item could meet a newer change written before, the sink writes
     * snapshot puts as conditional puts.
     */
    public static TableWrite snapshotPut(Map<String, AttributeValue> item, long version) {
        return new TableWrite(item, Kind.SNAPSHOT_PUT, version, 0);
    }

    /**
     * Put {@code item} only if the table holds no item with its key, as is, without a version
     * attribute: for bringing back items that were deleted (a restore from an archive), where any
     * item the table holds again is newer than the copy. When the table holds one, the write is
     * skipped and counted in {@code staleWritesSkipped}.
     */
    public static TableWrite putIfAbsent(Map<String, AttributeValue> item) {
        return new TableWrite(item, Kind.PUT_IF_ABSENT, 0, 0);
    }

    /**
     * Put {@code item} as it is, whatever the table holds, without a version attribute: for an upsert
     * stream whose writes of a key come in order (a Flink SQL upsert sink, partitioned by key), where
     * a replay after a failure writes the same sequence again and ends in the same state.
     */
    public static TableWrite unversionedPut(Map<String, AttributeValue> item) {
        return new TableWrite(item, Kind.UNVERSIONED_PUT, 0, 0);
    }

    /** Delete the item with {@code key}, whatever the table holds: the delete of an upsert stream. */
    public static TableWrite unversionedDelete(Map<String, AttributeValue> key) {
        return new TableWrite(key, Kind.UNVERSIONED_DELETE, 0, 0);
    }

    /** A write of {@code kind}, as read back from a checkpoint. */
    static TableWrite of(Kind kind, Map<String, AttributeValue> attributes, long version, long changeTimeMillis) {
        return new TableWrite(attributes, kind, version, changeTimeMillis);
    }

    /**
     * This write, noting when the change it carries was made at its source (epoch millis), so the
     * sink can report how long changes take to reach the table ({@code changeToWriteMillis}).
     */
    public TableWrite changedAt(long epochMillis) {
        return new TableWrite(attributes, kind, version, epochMillis);
    }

    /** When the change was made at its source (epoch millis), or 0 when not known. */
    public long changeTimeMillis() {
        return changeTimeMillis;
    }

    /** The item of a put, or the key of a delete. */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isDelete() {
        return kind == Kind.DELETE || kind == Kind.UNVERSIONED_DELETE;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableWrite w
                && attributes.equals(w.attributes)
                && kind == w.kind
                && version == w.version
                && changeTimeMillis == w.changeTimeMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, kind, version, changeTimeMillis);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + attributes + " at version "
                + version;
    }
}
