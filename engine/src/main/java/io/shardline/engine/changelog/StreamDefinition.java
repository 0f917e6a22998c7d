package io.shardline.engine.changelog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * One stream of a table, from enabling until it is disabled and its records pass retention. A table
 * has at most one enabled stream; enabling again after disabling creates a new stream with a new
 * label.
 */
public record StreamDefinition(
        String label, String viewType, long createdAtMillis, Long disabledAtMillis, List<ShardDefinition> shards) {

    public StreamDefinition {
        shards = List.copyOf(shards);
    }

    @JsonIgnore
    public boolean isEnabled() {
        return disabledAtMillis == null;
    }

    public Optional<ShardDefinition> shard(long number) {
        return shards.stream().filter(s -> s.number() == number).findFirst();
    }

    public StreamDefinition withShards(List<ShardDefinition> newShards) {
        return new StreamDefinition(label, viewType, createdAtMillis, disabledAtMillis, newShards);
    }

    StreamDefinition disabled(List<ShardDefinition> closedShards, long atMillis) {
        return new StreamDefinition(label, viewType, createdAtMillis, atMillis, closedShards);
    }
}
