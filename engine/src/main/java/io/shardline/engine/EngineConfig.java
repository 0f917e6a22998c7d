package io.shardline.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How an {@link Engine} runs. Start from {@link #durable} or {@link #inMemory} and change settings
 * with the {@code with...} methods.
 *
 * @param dataDir             where tables live; null keeps everything in memory (tests, the demo)
 * @param defaultPartitions   partitions a new table starts with, unless its {@code shardline:partitions} tag says otherwise
 * @param partitionSplitBytes size (DynamoDB item bytes) past which a partition splits in two
 * @param region              region named in ARNs and change records
 * @param accountId           account named in ARNs
 * @param clock               source of every timestamp: creation times, record times, expiry, retention
 * @param streamRetention     how long change records are kept (default 24 hours)
 * @param shardRolloverAge    age at which an open shard closes and one child continues (default 4 hours)
 * @param maintenanceInterval how often rollover, retention trimming and TTL expiry run (default 1 second)
 * @param ttlInterval         how often the TTL sweeper runs, when not with the rest of the maintenance
 *                            (null, the default)
 * @param ttlBatchSize        items the TTL sweeper examines per table and run (default 1000)
 */
public record EngineConfig(
        Path dataDir,
        int defaultPartitions,
        long partitionSplitBytes,
        String region,
        String accountId,
        Clock clock,
        Duration streamRetention,
        Duration shardRolloverAge,
        Duration maintenanceInterval,
        Duration ttlInterval,
        int ttlBatchSize) {
    public static final int DEFAULT_PARTITIONS = 4;
    public static final long DEFAULT_PARTITION_SPLIT_BYTES = 10L * 1024 * 1024 * 1024;

    public EngineConfig {
        if (defaultPartitions < 1 || defaultPartitions > 1024) {
            throw new IllegalArgumentException("defaultPartitions must be 1..1024, not " + defaultPartitions);
        }
        if (partitionSplitBytes < 1) {
            throw new IllegalArgumentException("partitionSplitBytes must be positive, not " + partitionSplitBytes);
        }
        for (Duration d : new Duration[] {streamRetention, shardRolloverAge, maintenanceInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive, not " + d);
            }
        }
        if (ttlInterval != null && (ttlInterval.isNegative() || ttlInterval.isZero())) {
            throw new IllegalArgumentException("durations must be positive, not " + ttlInterval);
        }
        if (ttlBatchSize < 1) {
            throw new IllegalArgumentException("ttlBatchSize must be positive, not " + ttlBatchSize);
        }
    }

    /** A durable engine storing its data in {@code dataDir}, with default settings. */
    public static EngineConfig durable(Path dataDir) {
        return new EngineConfig(
                dataDir,
                DEFAULT_PARTITIONS,
                DEFAULT_PARTITION_SPLIT_BYTES,
                "us-east-1",
                "000000000000",
                Clock.systemUTC(),
                Duration.ofHours(24),
                Duration.ofHours(4),
                Duration.ofSeconds(1),
                null,
                1000);
    }

    /** An in-memory engine with default settings. */
    public static EngineConfig inMemory() {
        return durable(null);
    }

    public EngineConfig withDefaultPartitions(int count) {
        return change(b -> b.defaultPartitions = count);
    }

    public EngineConfig withPartitionSplitBytes(long bytes) {
        return change(b -> b.partitionSplitBytes = bytes);
    }

    public EngineConfig withRegion(String newRegion) {
        return change(b -> b.region = newRegion);
    }

    public EngineConfig withClock(Clock newClock) {
        return change(b -> b.clock = newClock);
    }

    public EngineConfig withStreamRetention(Duration retention) {
        return change(b -> b.streamRetention = retention);
    }

    public EngineConfig withShardRolloverAge(Duration age) {
        return change(b -> b.shardRolloverAge = age);
    }

    public EngineConfig withMaintenanceInterval(Duration interval) {
        return change(b -> b.maintenanceInterval = interval);
    }

    /** Runs the TTL sweeper on its own schedule, every {@code interval}, instead of with the maintenance. */
    public EngineConfig withTtlInterval(Duration interval) {
        return change(b -> b.ttlInterval = interval);
    }

    public EngineConfig withTtlBatchSize(int size) {
        return change(b -> b.ttlBatchSize = size);
    }

    private EngineConfig change(Consumer<Settings> change) {
        Settings settings = new Settings(this);
        change.accept(settings);
        return settings.build();
    }

    /** A mutable copy of the settings, for deriving one config from another. */
    private static final class Settings {
        private final Path dataDir;
        private final String accountId;
        private int defaultPartitions;
        private long partitionSplitBytes;
        private String region;
        private Clock clock;
        private Duration streamRetention;
        private Duration shardRolloverAge;
        private Duration maintenanceInterval;
        private Duration ttlInterval;
        private int ttlBatchSize;

        Settings(EngineConfig c) {
            dataDir = c.dataDir;
            accountId = c.accountId;
            defaultPartitions = c.defaultPartitions;
            partitionSplitBytes = c.partitionSplitBytes;
            region = c.region;
            clock = c.clock;
            streamRetention = c.streamRetention;
            shardRolloverAge = c.shardRolloverAge;
            maintenanceInterval = c.maintenanceInterval;
            ttlInterval = c.ttlInterval;
            ttlBatchSize = c.ttlBatchSize;
        }

        EngineConfig build() {
            return new EngineConfig(
                    dataDir,
                    defaultPartitions,
                    partitionSplitBytes,
                    region,
                    accountId,
                    clock,
                    streamRetention,
                    shardRolloverAge,
                    maintenanceInterval,
                    ttlInterval,
                    ttlBatchSize);
        }
    }
}
