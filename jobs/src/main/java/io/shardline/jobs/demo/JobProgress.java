package io.shardline.jobs.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads, from the Flink REST API, how many records a job's source vertex has passed on. */
final class JobProgress {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI jobDetails;

    JobProgress(String restAddress, String jobId) {
        this.jobDetails = URI.create(restAddress + "/jobs/" + jobId);
    }

    /** Records the first vertex (the source chain) has emitted; -1 while the REST API cannot say. */
    long sourceRecords() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jobDetails)
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            JsonNode vertices = json.readTree(response.body()).path("vertices");
            for (JsonNode vertex : vertices) {
                if (vertex.path("name").asText().startsWith("Source")) {
                    return vertex.path("metrics").path("write-records").asLong(-1);
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
