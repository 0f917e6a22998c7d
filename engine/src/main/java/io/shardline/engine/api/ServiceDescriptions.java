package io.shardline.engine.api;

import java.util.List;

/** DescribeLimits and DescribeEndpoints, which infrastructure tools call before anything else. */
public final class ServiceDescriptions {
    private ServiceDescriptions() {}

    public record Empty() {}

    public record LimitsResponse(
            Long accountMaxReadCapacityUnits,
            Long accountMaxWriteCapacityUnits,
            Long tableMaxReadCapacityUnits,
            Long tableMaxWriteCapacityUnits) {}

    public record EndpointsResponse(List<Endpoint> endpoints) {}

    public record Endpoint(String address, Long cachePeriodInMinutes) {}
}
