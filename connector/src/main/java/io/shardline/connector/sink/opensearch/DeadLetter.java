package io.shardline.connector.sink.opensearch;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A document OpenSearch refused for good (a mapping error, a malformed document): what was sent,
 * where, and OpenSearch's answer. The source is null for a refused delete.
 */
@PublicEvolving
public record DeadLetter(
        String index, String id, long version, String source, int status, String errorType, String reason)
        implements Serializable {}
