package io.shardline.engine.api;

/**
 * The capacity units echoed by DescribeTable. NumberOfDecreasesToday is left out: the engine enforces
 * no capacity, and the service model's minimum for it is 1, so 0 would not be a valid value.
 */
public record ProvisionedThroughputDescription(Long readCapacityUnits, Long writeCapacityUnits) {}
