package io.shardline.engine.api;

/** DeleteTable: removes a table and all its items. */
public final class DeleteTable {
    private DeleteTable() {}

    public record Request(@Required String tableName) {}

    public record Response(TableDescription tableDescription) {}
}
