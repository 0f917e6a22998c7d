package io.shardline.jobs.versions;

import java.nio.charset.StandardCharsets;

/**
 * One item's new state on its way to a sink: the key it is versioned by, its payload in the sink's
 * own form (a document's JSON, an item's bytes) or, for a removal, what the sink needs to remove
 * it, when the change happened (epoch millis) or, for a snapshot item, when the snapshot's stream
 * position was taken, and the version {@link KeyedVersioner} gave it. A Flink POJO, so it travels
 * without a generic serializer.
 */
public final class KeyedChange {
    public String key;
    public byte[] payload;
    public boolean removed;
    public long changeMillis;
    public boolean snapshot;
    public long version;

    public KeyedChange() {}

    private KeyedChange(String key, byte[] payload, boolean removed, long changeMillis, boolean snapshot) {
        this.key = key;
        this.payload = payload;
        this.removed = removed;
        this.changeMillis = changeMillis;
        this.snapshot = snapshot;
    }

    /** The item under {@code key} changed at {@code changeMillis} and is now {@code payload}. */
    public static KeyedChange changed(String key, byte[] payload, long changeMillis) {
        return new KeyedChange(key, payload, false, changeMillis, false);
    }

    /** The item under {@code key} was removed at {@code changeMillis}; {@code payload} may say which. */
    public static KeyedChange removed(String key, byte[] payload, long changeMillis) {
        return new KeyedChange(key, payload, true, changeMillis, false);
    }

    /** The item under {@code key} as a snapshot read it, the snapshot's stream position taken at {@code handoffSeconds}. */
    public static KeyedChange snapshot(String key, byte[] payload, long handoffSeconds) {
        return new KeyedChange(key, payload, false, handoffSeconds * 1000, true);
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (snapshot ? "snapshot " : removed ? "removal " : "change ") + key + " at " + changeMillis
                + (version == 0 ? "" : " as version " + version);
    }
}
