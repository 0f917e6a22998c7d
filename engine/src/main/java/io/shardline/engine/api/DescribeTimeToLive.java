package io.shardline.engine.api;

/** DescribeTimeToLive: whether TTL is ENABLED or DISABLED for a table, and on which attribute. */
public final class DescribeTimeToLive {
    private DescribeTimeToLive() {}

    public record Request(@Required String tableName) {}

    public record Response(TimeToLiveDescription timeToLiveDescription) {}

    public record TimeToLiveDescription(String timeToLiveStatus, String attributeName) {}
}
