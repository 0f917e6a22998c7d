package io.shardline.engine.api;

import java.util.List;

/** ListStreams: streams of every table, or of one, paged by Limit and ExclusiveStartStreamArn. */
public final class ListStreams {
    private ListStreams() {}

    public record Request(String tableName, Integer limit, String exclusiveStartStreamArn) {}

    public record Response(List<StreamSummary> streams, String lastEvaluatedStreamArn) {}

    public record StreamSummary(String streamArn, String tableName, String streamLabel) {}
}
