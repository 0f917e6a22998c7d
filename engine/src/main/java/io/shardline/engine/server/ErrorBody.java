package io.shardline.engine.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shardline.engine.api.DynamoJson;
import io.shardline.items.AttributeValue;
import io.shardline.items.ConditionalCheckFailedException;
import io.shardline.items.DynamoException;
import io.shardline.items.TransactionCanceledException;
import java.util.List;
import java.util.Map;

/**
 * An error answer as the AWS SDKs parse it: {@code __type} is the namespace and error name,
 * {@code message} the reason; conditional check failures add {@code Item}, cancelled transactions
 * their {@code CancellationReasons}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(
        @JsonProperty("__type") String type,
        @JsonProperty("message") String message,
        @JsonProperty("Item") Map<String, AttributeValue> item,
        @JsonProperty("CancellationReasons") List<Reason> cancellationReasons) {

    static final String DYNAMODB_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";
    static final String STREAMS_NAMESPACE = "com.amazonaws.streams.dynamodb.v20120810#";
    static final String FRAMEWORK_NAMESPACE = "com.amazon.coral.service#";

    record Reason(
            @JsonProperty("Code") String code,
            @JsonProperty("Message") String message,
            @JsonProperty("Item") Map<String, AttributeValue> item) {}

    static byte[] of(DynamoException e, boolean streams) {
        String namespace =
                e.type().serviceFramework() ? FRAMEWORK_NAMESPACE : streams ? STREAMS_NAMESPACE : DYNAMODB_NAMESPACE;
        Map<String, AttributeValue> item = e instanceof ConditionalCheckFailedException failed ? failed.item() : null;
        List<Reason> reasons = e instanceof TransactionCanceledException canceled
                ? canceled.reasons().stream()
                        .map(r -> new Reason(r.code(), r.message(), r.item()))
                        .toList()
                : null;
        return DynamoJson.write(new ErrorBody(namespace + e.type().wireName(), e.getMessage(), item, reasons));
    }
}
