package io.shardline.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of an engine's control API (from loopback, or signed with an admin key under strict
 * authentication), for tests in any module and the launcher's
 * {@code control} command: each method is one call, and answers the response's JSON. A refused call
 * throws with the engine's error type and message.
 */
public final class EngineControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;

    /** A client of an engine in open mode, calling from a loopback address, unsigned. */
    public EngineControl(String endpoint) {
        this(endpoint, null, null, null);
    }

    /** A client of an engine in strict mode, signing its calls with an admin key ({@code --admin-keys}). */
    public EngineControl(String endpoint, String accessKey, String secretKey, String region) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** Splits the widest open partition of {@code table}. */
    public JsonNode splitPartition(String table) {
        return call("SplitPartition", JSON.createObjectNode().put("TableName", table));
    }

    /** Splits the open partition holding the item with {@code keyJson} (DynamoDB JSON, such as {@code {"id":{"S":"a"}}}). */
    public JsonNode splitPartitionHolding(String table, String keyJson) {
        return call(
                "SplitPartition",
                JSON.createObjectNode().put("TableName", table).set("Key", tree(keyJson)));
    }

    /** Splits the open partition with this id (see {@link #listPartitions}). */
    public JsonNode splitPartition(String table, long partitionId) {
        return call(
                "SplitPartition",
                JSON.createObjectNode().put("TableName", table).put("PartitionId", partitionId));
    }

    public JsonNode listPartitions(String table) {
        return call("ListPartitions", JSON.createObjectNode().put("TableName", table));
    }

    /** Closes every open shard of the table's stream, each continued by a child. */
    public JsonNode rollOverShards(String table) {
        return call("RollOverShards", JSON.createObjectNode().put("TableName", table));
    }

    /** Trims the table's stream up to now, as if retention had passed. */
    public JsonNode trimStream(String table) {
        return call("TrimStream", JSON.createObjectNode().put("TableName", table));
    }

    /** The next {@code count} calls of {@code operation} (or {@code *}) answer {@code error}. */
    public JsonNode injectFault(String operation, String error, int count) {
        return call(
                "InjectFault",
                JSON.createObjectNode()
                        .put("Operation", operation)
                        .put("Error", error)
                        .put("Count", count));
    }

    /** A {@code fraction} of the calls of {@code operation} answer {@code error} until faults are cleared. */
    public JsonNode injectFaultFraction(String operation, String error, double fraction) {
        return call(
                "InjectFault",
                JSON.createObjectNode()
                        .put("Operation", operation)
                        .put("Error", error)
                        .put("Fraction", fraction));
    }

    /** The next {@code count} calls of {@code operation} answer {@code delay} late. */
    public JsonNode injectDelay(String operation, Duration delay, int count) {
        return call(
                "InjectFault",
                JSON.createObjectNode()
                        .put("Operation", operation)
                        .put("Error", "Delay")
                        .put("Count", count)
                        .put("DelayMillis", delay.toMillis()));
    }

    /**
     * Emulates Amazon's limits from now on: GetRecords calls per shard per second, concurrent GetRecords
     * calls per shard, writes per table per second; null for no limit (all null: none).
     */
    public JsonNode setLimits(
            Integer getRecordsPerSecondPerShard, Integer readersPerShard, Integer writesPerSecondPerTable) {
        var body = JSON.createObjectNode();
        if (getRecordsPerSecondPerShard != null) {
            body.put("GetRecordsPerSecondPerShard", getRecordsPerSecondPerShard);
        }
        if (readersPerShard != null) {
            body.put("ReadersPerShard", readersPerShard);
        }
        if (writesPerSecondPerTable != null) {
            body.put("WritesPerSecondPerTable", writesPerSecondPerTable);
        }
        return call("SetLimits", body);
    }

    /** The faults still pending. */
    public JsonNode listFaults() {
        return call("ListFaults", JSON.createObjectNode());
    }

    public JsonNode clearFaults() {
        return call("ClearFaults", JSON.createObjectNode());
    }

    public JsonNode describeClock() {
        return call("DescribeClock", JSON.createObjectNode());
    }

    /** Moves a movable engine clock (--clock movable, the default of --in-memory) forward and runs its maintenance (TTL, retention, rollover) at once. */
    public JsonNode advanceClock(Duration by) {
        return call("AdvanceClock", JSON.createObjectNode().put("Millis", by.toMillis()));
    }

    /** One control call by operation name with a JSON body; the answer's JSON. */
    public JsonNode call(String operation, JsonNode body) {
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Amz-Target", ControlOperations.PREFIX + operation)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json));
            if (accessKey != null) {
                sign(request, operation, json);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                String type = answer.path("__type").asText();
                throw new IllegalStateException(operation + " failed: " + type.substring(type.indexOf('#') + 1) + ": "
                        + answer.path("message").asText(answer.path("Message").asText()));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(operation + " could not reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(operation + " was interrupted", e);
        }
    }

    /** Adds an AWS Signature Version 4 over the content type, host, date and target. */
    private void sign(HttpRequest.Builder request, String operation, byte[] body) {
        String amzDate = AMZ_DATE.format(Instant.now());
        String date = amzDate.substring(0, 8);
        Map<String, List<String>> signed = new LinkedHashMap<>();
        signed.put("content-type", List.of("application/x-amz-json-1.0"));
        signed.put("host", List.of(endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())));
        signed.put("x-amz-date", List.of(amzDate));
        signed.put("x-amz-target", List.of(ControlOperations.PREFIX + operation));
        String signature =
                SigV4.signature("POST", endpoint.getRawPath(), "", signed, body, secretKey, date, amzDate, region);
        request.header("X-Amz-Date", amzDate)
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=" + accessKey + "/"
                                + date + "/" + region + "/dynamodb/aws4_request, SignedHeaders="
                                + String.join(";", signed.keySet())
                                + ", Signature=" + signature);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }
}
