package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A table's server-side encryption setting as DescribeTable reports it. */
public record SseDescription(
        String status,
        @JsonProperty("SSEType") String sseType,
        @JsonProperty("KMSMasterKeyArn") String kmsMasterKeyArn) {}
