package io.shardline.engine.api;

/** Capacity units a table was created with; accepted and echoed, not enforced. */
public record ProvisionedThroughput(
        @Required Long readCapacityUnits, @Required Long writeCapacityUnits) {}
