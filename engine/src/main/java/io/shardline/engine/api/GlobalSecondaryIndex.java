package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A global secondary index as CreateTable and UpdateTable's Create action define it. */
public record GlobalSecondaryIndex(String indexName, List<KeySchemaElement> keySchema,
                                   @JsonProperty("Projection") IndexProjection projection,
                                   ProvisionedThroughput provisionedThroughput) {
}
