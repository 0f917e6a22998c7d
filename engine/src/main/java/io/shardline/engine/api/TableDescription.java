package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A table as DescribeTable reports it. {@code creationDateTime} is in epoch seconds. */
public record TableDescription(
        String tableName,
        String tableStatus,
        String tableId,
        String tableArn,
        List<AttributeDefinition> attributeDefinitions,
        List<KeySchemaElement> keySchema,
        BigDecimal creationDateTime,
        Long itemCount,
        Long tableSizeBytes,
        BillingModeSummary billingModeSummary,
        ProvisionedThroughputDescription provisionedThroughput,
        StreamSpecification streamSpecification,
        String latestStreamArn,
        String latestStreamLabel,
        List<SecondaryIndexDescription> globalSecondaryIndexes,
        List<SecondaryIndexDescription> localSecondaryIndexes,
        Boolean deletionProtectionEnabled,
        TableClassSummary tableClassSummary,
        OnDemandThroughput onDemandThroughput,
        @JsonProperty("WarmThroughput") WarmThroughputDescription warmThroughput,
        @JsonProperty("SSEDescription") SseDescription sseDescription) {}
