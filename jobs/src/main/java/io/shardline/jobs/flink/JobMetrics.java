package io.shardline.jobs.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a running job's state and metrics from the Flink REST API, the way any monitoring tool
 * does: vertices and their status, operator metrics summed and maximised over subtasks, and the
 * latest completed checkpoint. Every read answers "unknown" (-1, or false) while the API cannot say.
 */
public final class JobMetrics {
    /** Characters of metric names per query, well within a request line's limit with the path before them. */
    private static final int MAX_QUERY_CHARS = 2500;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String job;

    public JobMetrics(String restAddress, String jobId) {
        this.job = restAddress + "/jobs/" + jobId;
    }

    /** Records the first vertex (the source chain) has emitted; -1 while the REST API cannot say. */
    public long sourceRecords() {
        for (JsonNode vertex : get("").path("vertices")) {
            if (vertex.path("name").asText().startsWith("Source")) {
                return vertex.path("metrics").path("write-records").asLong(-1);
            }
        }
        return -1;
    }

    /**
     * The job's vertices and the operator metrics whose names contain {@code part} (for example
     * {@code .shardline.}), summed and maximised over subtasks: one request for the job and two per
     * vertex.
     */
    public Reading read(String part) {
        JsonNode vertices = get("").path("vertices");
        Map<String, long[]> metrics = new HashMap<>();
        for (JsonNode vertex : vertices) {
            String base = "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
            List<String> names = new ArrayList<>();
            for (JsonNode metric : get(base)) {
                String name = metric.path("id").asText();
                if (name.contains(part)) {
                    names.add(name);
                }
            }
            for (List<String> chunk : chunks(names)) {
                String query = "?agg=sum,max&get=" + URLEncoder.encode(String.join(",", chunk), StandardCharsets.UTF_8);
                for (JsonNode metric : get(base + query)) {
                    metrics.put(metric.path("id").asText(), new long[] {
                        (long) metric.path("sum").asDouble(),
                        (long) metric.path("max").asDouble()
                    });
                }
            }
        }
        return new Reading(vertices, metrics);
    }

    /**
     * Metric names in groups whose query stays within the REST server's limit on a request line (4 KB):
     * a source reading thousands of shards has metrics per shard, and one query naming them all was
     * refused, so that every metric of the job read as unknown.
     */
    private static List<List<String>> chunks(List<String> names) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int length = 0;
        for (String name : names) {
            int encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).length() + 3;
            if (!chunk.isEmpty() && length + encoded > MAX_QUERY_CHARS) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                length = 0;
            }
            chunk.add(name);
            length += encoded;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** What {@link #read} found: vertex states, and per metric name its sum and maximum over subtasks. */
    public static final class Reading {
        private final JsonNode vertices;
        private final Map<String, long[]> metrics;

        private Reading(JsonNode vertices, Map<String, long[]> metrics) {
            this.vertices = vertices;
            this.metrics = metrics;
        }

        /** Whether every vertex whose name contains {@code part} has finished (false when none is known). */
        public boolean finished(String part) {
            boolean found = false;
            for (JsonNode vertex : vertices) {
                if (vertex.path("name").asText().contains(part)) {
                    found = true;
                    if (!"FINISHED".equals(vertex.path("status").asText())) {
                        return false;
                    }
                }
            }
            return found;
        }

        /**
         * How far behind its stream the job's source is, in milliseconds: the largest lag any reader
         * reports, across every shard it reads (splits and rollovers included), 0 when idle; -1 while
         * unknown.
         */
        public long streamLag() {
            return max(".shardline.millisBehindLatest");
        }

        /** The sum over all subtasks of all operators of the metric ending in {@code suffix}, or -1. */
        public long sum(String suffix) {
            return aggregate("", suffix, 0);
        }

        /** The largest value over all subtasks of all operators of the metric ending in {@code suffix}, or -1. */
        public long max(String suffix) {
            return aggregate("", suffix, 1);
        }

        /** As {@link #sum(String)}, over the operators whose names start with {@code operator}. */
        public long sum(String operator, String suffix) {
            return aggregate(operator, suffix, 0);
        }

        /** As {@link #max(String)}, over the operators whose names start with {@code operator}. */
        public long max(String operator, String suffix) {
            return aggregate(operator, suffix, 1);
        }

        private long aggregate(String operator, String suffix, int which) {
            long result = -1;
            for (Map.Entry<String, long[]> metric : metrics.entrySet()) {
                if (metric.getKey().startsWith(operator) && metric.getKey().endsWith(suffix)) {
                    long value = metric.getValue()[which];
                    result = result < 0 ? value : which == 0 ? result + value : Math.max(result, value);
                }
            }
            return result;
        }
    }

    /** When the latest completed checkpoint was triggered (epoch millis), or -1 when none has completed. */
    public long latestCheckpointMillis() {
        return get("/checkpoints")
                .path("latest")
                .path("completed")
                .path("trigger_timestamp")
                .asLong(-1);
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(job + path))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : json.missingNode();
        } catch (IOException e) {
            return json.missingNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json.missingNode();
        }
    }
}
