package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A secondary index as DescribeTable reports it. Local indexes leave out the status, backfilling
 * flag and throughput, as DynamoDB does.
 */
public record SecondaryIndexDescription(
        String indexName,
        List<KeySchemaElement> keySchema,
        @JsonProperty("Projection") IndexProjection projection,
        String indexStatus,
        Boolean backfilling,
        ProvisionedThroughputDescription provisionedThroughput,
        Long indexSizeBytes,
        Long itemCount,
        String indexArn) {}
