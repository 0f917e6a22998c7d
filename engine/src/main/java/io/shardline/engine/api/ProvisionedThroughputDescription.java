package io.shardline.engine.api;

/** The capacity units echoed by DescribeTable. */
public record ProvisionedThroughputDescription(Long readCapacityUnits, Long writeCapacityUnits,
                                               Long numberOfDecreasesToday) {
}
