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
 * and retries never move an item back to an older state.
 */
@PublicEvolving
public final class TableWrite implements Serializable {
    private final Map<String, AttributeValue> attributes;
    private final boolean delete;
    private final long version;
    private final long changeTimeMillis;

    private TableWrite(Map<String, AttributeValue> attributes, boolean delete, long version, long changeTimeMillis) {
        this.attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        this.delete = delete;
        this.version = version;
        this.changeTimeMillis = changeTimeMillis;
    }

    /** Put {@code item} (which holds the key attributes) at {@code version}. */
    public static TableWrite put(Map<String, AttributeValue> item, long version) {
        return new TableWrite(item, false, version, 0);
    }

    /** Delete the item with {@code key}, unless it is already at {@code version} or newer. */
    public static TableWrite delete(Map<String, AttributeValue> key, long version) {
        return new TableWrite(key, true, version, 0);
    }

    /**
     * This write, noting when the change it carries was made at its source (epoch millis), so the
     * sink can report how long changes take to reach the table ({@code changeToWriteMillis}).
     */
    public TableWrite changedAt(long epochMillis) {
        return new TableWrite(attributes, delete, version, epochMillis);
    }

    /** When the change was made at its source (epoch millis), or 0 when not known. */
    public long changeTimeMillis() {
        return changeTimeMillis;
    }

    /** The item of a put, or the key of a delete. */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    public boolean isDelete() {
        return delete;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableWrite w && attributes.equals(w.attributes) && delete == w.delete
                && version == w.version
                && changeTimeMillis == w.changeTimeMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, delete, version, changeTimeMillis);
    }

    @Override
    public String toString() {
        return (delete ? "delete " : "put ") + attributes + " at version " + version;
    }
}
