package io.shardline.connector.source.split;

import java.util.Objects;
import org.apache.flink.annotation.Internal;

/**
 * Which shard of which stream a split reads. Flink knows a split by its {@link #toString()} form,
 * {@code <streamArn>|<shardId>}, which is also how checkpoints keep it.
 */
@Internal
public record SplitId(String streamArn, String shardId) {
    public SplitId {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
    }

    /** The id of {@code splitId}, as {@link #toString()} wrote it. */
    public static SplitId parse(String splitId) {
        int bar = splitId.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("Not a shard split id (<streamArn>|<shardId>): " + splitId);
        }
        return new SplitId(splitId.substring(0, bar), splitId.substring(bar + 1));
    }

    /** The id of another shard of the same stream. */
    public SplitId sibling(String otherShardId) {
        return new SplitId(streamArn, otherShardId);
    }

    @Override
    public String toString() {
        return streamArn + "|" + shardId;
    }
}
