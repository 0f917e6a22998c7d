package io.shardline.engine.api;

import java.util.List;

/** UpdateTable: changes a table's billing mode, provisioned throughput, stream or global secondary indexes. */
public final class UpdateTable {
    private UpdateTable() {
    }

    public record Request(@Required String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
                          ProvisionedThroughput provisionedThroughput, StreamSpecification streamSpecification,
                          List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates) {
        /** An update that leaves the secondary indexes alone. */
        public Request(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
                       ProvisionedThroughput provisionedThroughput, StreamSpecification streamSpecification) {
            this(tableName, attributeDefinitions, billingMode, provisionedThroughput, streamSpecification, null);
        }
    }

    public record Response(TableDescription tableDescription) {
    }
}
