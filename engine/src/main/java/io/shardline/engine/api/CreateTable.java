package io.shardline.engine.api;

import java.util.List;

/** CreateTable: defines a table with its key schema, and optionally its secondary indexes, stream and tags. */
public final class CreateTable {
    private CreateTable() {
    }

    public record Request(@Required String tableName, @Required List<AttributeDefinition> attributeDefinitions,
                          @Required List<KeySchemaElement> keySchema, String billingMode,
                          ProvisionedThroughput provisionedThroughput, List<Tag> tags,
                          StreamSpecification streamSpecification,
                          List<GlobalSecondaryIndex> globalSecondaryIndexes,
                          List<LocalSecondaryIndex> localSecondaryIndexes) {
        /** A table without secondary indexes. */
        public Request(String tableName, List<AttributeDefinition> attributeDefinitions,
                       List<KeySchemaElement> keySchema, String billingMode,
                       ProvisionedThroughput provisionedThroughput, List<Tag> tags,
                       StreamSpecification streamSpecification) {
            this(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput, tags,
                    streamSpecification, null, null);
        }
    }

    public record Response(TableDescription tableDescription) {
    }
}
