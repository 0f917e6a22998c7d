package io.shardline.engine.api;

/** UpdateTimeToLive: enables or disables expiry of items by an epoch-seconds attribute. */
public final class UpdateTimeToLive {
    private UpdateTimeToLive() {}

    public record Request(
            @Required String tableName, @Required TimeToLiveSpecification timeToLiveSpecification) {}

    public record Response(TimeToLiveSpecification timeToLiveSpecification) {}
}
