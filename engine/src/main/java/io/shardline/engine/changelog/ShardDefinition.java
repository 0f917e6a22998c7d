package io.shardline.engine.changelog;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One shard of a stream: the change records of one partition over one period. A shard closes when
 * its partition splits (two children), when it reaches the rollover age (one child), or when the
 * stream is disabled; a closed shard has an ending sequence number.
 *
 * @param number           unique within the table; names the shard in storage keys
 * @param parentNumber     the shard this one continues, or null
 * @param parentShardId    that shard's id, kept after the parent itself has passed retention
 * @param startingSequence a sequence number reserved when the shard opened; its records come after it
 */
public record ShardDefinition(
        long number,
        Long parentNumber,
        String parentShardId,
        long partitionId,
        long createdAtMillis,
        long startingSequence,
        Long endingSequence,
        Long closedAtMillis) {

    @JsonIgnore
    public boolean isOpen() {
        return endingSequence == null;
    }

    /** DynamoDB's shard id form: {@code shardId-<creation millis, 20 digits>-<number, 8 hex>}. */
    @JsonIgnore
    public String shardId() {
        return shardId(createdAtMillis, number);
    }

    static String shardId(long createdAtMillis, long number) {
        return String.format("shardId-%020d-%08x", createdAtMillis, number);
    }

    /** The shard number a shard id names. */
    public static long numberOf(String shardId) {
        int dash = shardId == null ? -1 : shardId.lastIndexOf('-');
        if (dash < 0 || !shardId.startsWith("shardId-")) {
            throw new IllegalArgumentException("not a shard id: " + shardId);
        }
        return Long.parseLong(shardId.substring(dash + 1), 16);
    }

    ShardDefinition close(long endingSequenceNumber, long atMillis) {
        return new ShardDefinition(
                number,
                parentNumber,
                parentShardId,
                partitionId,
                createdAtMillis,
                startingSequence,
                endingSequenceNumber,
                atMillis);
    }
}
