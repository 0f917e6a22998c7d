package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * UpdateTable: changes a table's billing mode, provisioned throughput, stream, global secondary indexes,
 * deletion protection, class, throughput settings or encryption setting.
 */
public final class UpdateTable {
    private UpdateTable() {}

    public record Request(
            @Required String tableName,
            List<AttributeDefinition> attributeDefinitions,
            String billingMode,
            ProvisionedThroughput provisionedThroughput,
            StreamSpecification streamSpecification,
            List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates,
            Boolean deletionProtectionEnabled,
            String tableClass,
            OnDemandThroughput onDemandThroughput,
            WarmThroughput warmThroughput,
            @JsonProperty("SSESpecification") SseSpecification sseSpecification) {
        /** An update of billing, stream or indexes. */
        public Request(
                String tableName,
                List<AttributeDefinition> attributeDefinitions,
                String billingMode,
                ProvisionedThroughput provisionedThroughput,
                StreamSpecification streamSpecification,
                List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates) {
            this(
                    tableName,
                    attributeDefinitions,
                    billingMode,
                    provisionedThroughput,
                    streamSpecification,
                    globalSecondaryIndexUpdates,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** An update that leaves the secondary indexes alone. */
        public Request(
                String tableName,
                List<AttributeDefinition> attributeDefinitions,
                String billingMode,
                ProvisionedThroughput provisionedThroughput,
                StreamSpecification streamSpecification) {
            this(tableName, attributeDefinitions, billingMode, provisionedThroughput, streamSpecification, null);
        }
    }

    public record Response(TableDescription tableDescription) {}
}
