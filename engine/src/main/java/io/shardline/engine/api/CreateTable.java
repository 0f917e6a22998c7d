package io.shardline.engine.api;

import java.util.List;

/** CreateTable: defines a table with its key schema, and optionally its stream. */
public final class CreateTable {
    private CreateTable() {
    }

    public record Request(String tableName, List<AttributeDefinition> attributeDefinitions,
                          List<KeySchemaElement> keySchema, String billingMode,
                          ProvisionedThroughput provisionedThroughput, List<Tag> tags,
                          StreamSpecification streamSpecification) {
    }

    public record Response(TableDescription tableDescription) {
    }
}
