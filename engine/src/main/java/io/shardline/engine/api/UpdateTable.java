package io.shardline.engine.api;

import java.util.List;

/** UpdateTable: changes a table's billing mode or provisioned throughput. */
public final class UpdateTable {
    private UpdateTable() {
    }

    public record Request(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
                          ProvisionedThroughput provisionedThroughput) {
    }

    public record Response(TableDescription tableDescription) {
    }
}
