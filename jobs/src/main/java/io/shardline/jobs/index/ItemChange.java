package io.shardline.jobs.index;

/**
 * One item's new state on its way to the index: its document id, its document source (null: the
 * item is gone), and when the change happened (whole seconds), or for a snapshot item, when the
 * snapshot's stream position was taken. A Flink POJO, so it travels without a generic serializer.
 */
public final class ItemChange {
    public String id;
    public String source;
    public long changeSeconds;
    public boolean snapshot;

    public ItemChange() {
    }

    ItemChange(String id, String source, long changeSeconds, boolean snapshot) {
        this.id = id;
        this.source = source;
        this.changeSeconds = changeSeconds;
        this.snapshot = snapshot;
    }

    @Override
    public String toString() {
        return (snapshot ? "snapshot " : "change ") + id + " at " + changeSeconds + (source == null ? " (removed)" : "");
    }
}
