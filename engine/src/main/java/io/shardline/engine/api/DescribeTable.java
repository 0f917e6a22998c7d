package io.shardline.engine.api;

/** DescribeTable: a table's schema, status, size and item count. */
public final class DescribeTable {
    private DescribeTable() {}

    public record Request(@Required String tableName) {}

    public record Response(TableDescription table) {}
}
