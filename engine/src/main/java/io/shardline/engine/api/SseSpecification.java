package io.shardline.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Server-side encryption asked for a table: enabled with a KMS key, or the default (owned) key. */
public record SseSpecification(
        Boolean enabled,
        @JsonProperty("SSEType") String sseType,
        @JsonProperty("KMSMasterKeyId") String kmsMasterKeyId) {}
