package io.shardline.engine.api;

import java.util.List;

/** UpdateTable: changes a table's billing mode, provisioned throughput or stream. */
public final class UpdateTable {
    private UpdateTable() {
    }

    public record Request(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
                          ProvisionedThroughput provisionedThroughput, StreamSpecification streamSpecification) {
    }

    public record Response(TableDescription tableDescription) {
    }
}
