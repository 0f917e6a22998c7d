package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A global secondary index as CreateTable and UpdateTable's Create action define it. */
public record GlobalSecondaryIndex(
        @Required String indexName,
        @Required List<KeySchemaElement> keySchema,
        @JsonProperty("Projection") @Required IndexProjection projection,
        ProvisionedThroughput provisionedThroughput) {}
