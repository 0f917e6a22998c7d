package io.shardline.engine;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How an {@link Engine} runs.
 *
 * @param dataDir            where items live; null keeps everything in memory (tests, the demo)
 * @param defaultPartitions  partitions a new table starts with, unless its {@code shardline:partitions} tag says otherwise
 * @param partitionSplitBytes size (DynamoDB item bytes) past which a partition splits in two
 * @param region             region named in ARNs
 * @param accountId          account named in ARNs
 * @param clock              source of creation and split times
 */
public record EngineConfig(Path dataDir, int defaultPartitions, long partitionSplitBytes, String region,
                           String accountId, Clock clock) {
    public static final int DEFAULT_PARTITIONS = 4;
    public static final long DEFAULT_PARTITION_SPLIT_BYTES = 10L * 1024 * 1024 * 1024;

    public EngineConfig {
        if (defaultPartitions < 1 || defaultPartitions > 1024) {
            throw new IllegalArgumentException("defaultPartitions must be 1..1024, not " + defaultPartitions);
        }
        if (partitionSplitBytes < 1) {
            throw new IllegalArgumentException("partitionSplitBytes must be positive, not " + partitionSplitBytes);
        }
    }

    /** A durable engine storing its data in {@code dataDir}, with default settings. */
    public static EngineConfig durable(Path dataDir) {
        return new EngineConfig(dataDir, DEFAULT_PARTITIONS, DEFAULT_PARTITION_SPLIT_BYTES, "us-east-1",
                "000000000000", Clock.systemUTC());
    }

    /** An in-memory engine with default settings. */
    public static EngineConfig inMemory() {
        return durable(null);
    }

    public EngineConfig withDefaultPartitions(int count) {
        return new EngineConfig(dataDir, count, partitionSplitBytes, region, accountId, clock);
    }

    public EngineConfig withPartitionSplitBytes(long bytes) {
        return new EngineConfig(dataDir, defaultPartitions, bytes, region, accountId, clock);
    }

    public EngineConfig withRegion(String newRegion) {
        return new EngineConfig(dataDir, defaultPartitions, partitionSplitBytes, newRegion, accountId, clock);
    }
}
