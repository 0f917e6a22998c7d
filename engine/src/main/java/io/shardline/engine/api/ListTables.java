package io.shardline.engine.api;

import java.util.List;

/** ListTables: table names in name order, paged by Limit and ExclusiveStartTableName. */
public final class ListTables {
    private ListTables() {}

    public record Request(String exclusiveStartTableName, Integer limit) {}

    public record Response(List<String> tableNames, String lastEvaluatedTableName) {}
}
