package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CreateTable: defines a table with its key schema, and optionally its secondary indexes, stream, tags,
 * deletion protection, class, throughput settings, encryption setting and resource policy.
 */
public final class CreateTable {
    private CreateTable() {}

    public record Request(
            @Required String tableName,
            @Required List<AttributeDefinition> attributeDefinitions,
            @Required List<KeySchemaElement> keySchema,
            String billingMode,
            ProvisionedThroughput provisionedThroughput,
            List<Tag> tags,
            StreamSpecification streamSpecification,
            List<GlobalSecondaryIndex> globalSecondaryIndexes,
            List<LocalSecondaryIndex> localSecondaryIndexes,
            Boolean deletionProtectionEnabled,
            String tableClass,
            OnDemandThroughput onDemandThroughput,
            WarmThroughput warmThroughput,
            @JsonProperty("SSESpecification") SseSpecification sseSpecification,
            String resourcePolicy) {
        /** A table with secondary indexes and the default settings. */
        public Request(
                String tableName,
                List<AttributeDefinition> attributeDefinitions,
                List<KeySchemaElement> keySchema,
                String billingMode,
                ProvisionedThroughput provisionedThroughput,
                List<Tag> tags,
                StreamSpecification streamSpecification,
                List<GlobalSecondaryIndex> globalSecondaryIndexes,
                List<LocalSecondaryIndex> localSecondaryIndexes) {
            this(
                    tableName,
                    attributeDefinitions,
                    keySchema,
                    billingMode,
                    provisionedThroughput,
                    tags,
                    streamSpecification,
                    globalSecondaryIndexes,
                    localSecondaryIndexes,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** A table without secondary indexes. */
        public Request(
                String tableName,
                List<AttributeDefinition> attributeDefinitions,
                List<KeySchemaElement> keySchema,
                String billingMode,
                ProvisionedThroughput provisionedThroughput,
                List<Tag> tags,
                StreamSpecification streamSpecification) {
            this(
                    tableName,
                    attributeDefinitions,
                    keySchema,
                    billingMode,
                    provisionedThroughput,
                    tags,
                    streamSpecification,
                    null,
                    null);
        }
    }

    public record Response(TableDescription tableDescription) {}
}
