package io.shardline.engine.api;

/** A table's warm throughput as DescribeTable reports it. */
public record WarmThroughputDescription(Long readUnitsPerSecond, Long writeUnitsPerSecond, String status) {}
