package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A local secondary index as CreateTable defines it: the table's partition key with another sort key. */
public record LocalSecondaryIndex(
        @Required String indexName,
        @Required List<KeySchemaElement> keySchema,
        @JsonProperty("Projection") @Required IndexProjection projection) {}
