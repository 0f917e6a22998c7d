package io.shardline.connector.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.testing.OpenSearchFrontProxy;
import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.engine.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSearch sink on a real MiniCluster writing into a real OpenSearch node. */
@Tag("opensearch")
@Timeout(300)
class OpenSearchSinkITCase {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new org.apache.flink.configuration.Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final OpenSearchNode node = OpenSearchNode.shared();
    private final ObjectMapper json = new ObjectMapper();
    private String index;

    @TempDir
    Path deadLetterDirectory;

    @BeforeEach
    void createIndex() {
        index = "sink-" + UUID.randomUUID();
        JsonNode created =
                node.request("PUT", "/" + index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
        assertThat(created.path("acknowledged").asBoolean())
                .as(created.toString())
                .isTrue();
    }

    private OpenSearchSink<DocumentWrite> sink() {
        return OpenSearchSink.<DocumentWrite>builder()
                .connection(OpenSearchConnection.to(node.url()))
                .index(index)
                .documents(write -> write)
                .deadLetters(DeadLetterFile.in(deadLetterDirectory, "Orders"))
                .option(OpenSearchSinkOptions.BULK_MAX_ACTIONS, 50)
                .option(OpenSearchSinkOptions.BULK_FLUSH_INTERVAL, Duration.ofMillis(20))
                .option(OpenSearchSinkOptions.RETRY_BASE_DELAY, Duration.ofMillis(20))
                .option(OpenSearchSinkOptions.RETRY_MAX_DELAY, Duration.ofMillis(200))
                .build();
    }

    private JobClient start(List<DocumentWrite> writes) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(writes).sinkTo(sink()).name("opensearch");
        return env.executeAsync("opensearch sink");
    }

    private void run(List<DocumentWrite> writes) throws Exception {
        start(writes).getJobExecutionResult().get();
    }

    private long counter(JobID job, String name) {
        long sum = 0;
        for (Metric metric : METRICS.findMetrics(job, name).values()) {
            sum += ((Counter) metric).getCount();
        }
        return sum;
    }

    private static String source(int n) {
        return "{\"n\":" + n + ",\"name\":\"item " + n + "\"}";
    }

    @Test
    void indexesAndDeletesInBulkAndCountsAReplayAsVersionConflicts() throws Exception {
        List<DocumentWrite> writes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            writes.add(DocumentWrite.index("doc-" + i, 10, source(i)));
        }
        for (int i = 0; i < 100; i++) {
            writes.add(DocumentWrite.delete("doc-" + i, 11));
        }
        JobClient first = start(writes);
        first.getJobExecutionResult().get();

        assertThat(node.count(index)).isEqualTo(200);
        assertThat(node.document(index, "doc-150").get("name").asText()).isEqualTo("item 150");
        assertThat(node.version(index, "doc-150")).isEqualTo(10);
        assertThat(node.document(index, "doc-50")).isNull();
        assertThat(counter(first.getJobID(), "documentsIndexed") + counter(first.getJobID(), "versionConflicts"))
                .isEqualTo(300);

        JobClient replay = start(writes.subList(100, 300));
        replay.getJobExecutionResult().get();
        assertThat(counter(replay.getJobID(), "versionConflicts")).isEqualTo(200);
        assertThat(counter(replay.getJobID(), "documentsIndexed")).isZero();
        assertThat(node.count(index)).isEqualTo(200);
        assertThat(counter(replay.getJobID(), "deadLetters")).isZero();
    }

    @Test
    void documentOpenSearchRefusesGoesToDeadLettersAndTheRestOfItsBulkIsIndexed() throws Exception {
        List<DocumentWrite> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            writes.add(DocumentWrite.index("doc-" + i, 1, i == 17 ? "{\"n\":\"not a number\"}" : source(i)));
        }
        JobClient job = start(writes);
        job.getJobExecutionResult().get();

        assertThat(node.count(index)).isEqualTo(39);
        assertThat(counter(job.getJobID(), "deadLetters")).isEqualTo(1);
        List<JsonNode> letters = new ArrayList<>();
        try (Stream<Path> files = Files.list(deadLetterDirectory)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    letters.add(json.readTree(line));
                }
            }
        }
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("id").asText()).isEqualTo("doc-17");
        assertThat(letter.get("version").asLong()).isEqualTo(1);
        assertThat(letter.get("table").asText()).isEqualTo("Orders");
        assertThat(letter.get("index").asText()).isEqualTo(index);
        assertThat(letter.get("status").asInt()).isEqualTo(400);
        assertThat(letter.get("errorType").asText()).contains("parsing");
        assertThat(letter.get("document").get("n").asText()).isEqualTo("not a number");
    }

    @Test
    void writesRefusedWith429AreRetriedUntilTheIndexTakesThem() throws Exception {
        setReadOnly(true);
        List<DocumentWrite> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            writes.add(DocumentWrite.index("doc-" + i, 1, source(i)));
        }
        JobClient job = start(writes);
        Await.until(
                Duration.ofMinutes(2),
                () -> counter(job.getJobID(), "retries") >= 3,
                "the sink retrying while the index refuses writes");
        assertThat(node.count(index)).isZero();
        setReadOnly(false);
        job.getJobExecutionResult().get();

        assertThat(node.count(index)).isEqualTo(100);
        assertThat(counter(job.getJobID(), "deadLetters")).isZero();
    }

    /** A read-only-allow-delete block, which OpenSearch answers with 429 as when its disk is full. */
    private void setReadOnly(boolean blocked) {
        JsonNode answer = node.request(
                "PUT",
                "/" + index + "/_settings",
                "{\"index.blocks.read_only_allow_delete\":" + (blocked ? "true" : "null") + "}");
        assertThat(answer.path("acknowledged").asBoolean())
                .as(answer.toString())
                .isTrue();
    }

    @Test
    void aDocumentsActionsReachOpenSearchInOrderAcrossConcurrentAndRetriedBulks() throws Exception {
        try (OpenSearchFrontProxy front = OpenSearchFrontProxy.plain(node.url())) {
            List<String> answeredActions = new CopyOnWriteArrayList<>();
            front.onBulk((request, answer, sent, answered) -> {
                for (String line : new String(request, StandardCharsets.UTF_8).split("\n")) {
                    JsonNode action = line.isBlank() ? null : json.readTree(line);
                    JsonNode meta =
                            action == null ? null : action.has("index") ? action.get("index") : action.get("delete");
                    if (meta != null) {
                        answeredActions.add(
                                sent + " " + answered + " " + meta.get("_id").asText() + " "
                                        + meta.get("version").asLong());
                    }
                }
            });
            front.failNextBulkRequests(1);
            List<DocumentWrite> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                writes.add(DocumentWrite.index("doc-" + i, 1, source(i)));
                writes.add(DocumentWrite.delete("doc-" + i, 2));
                writes.add(DocumentWrite.index("doc-" + i, 3, source(i)));
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromData(writes)
                    .sinkTo(OpenSearchSink.<DocumentWrite>builder()
                            .connection(OpenSearchConnection.to(front.url()))
                            .index(index)
                            .documents(write -> write)
                            .deadLetters(DeadLetterFile.in(deadLetterDirectory, "Orders"))
                            .option(OpenSearchSinkOptions.BULK_MAX_ACTIONS, 1)
                            .option(OpenSearchSinkOptions.MAX_IN_FLIGHT_REQUESTS, 4)
                            .option(OpenSearchSinkOptions.RETRY_BASE_DELAY, Duration.ofMillis(300))
                            .build());
            JobClient job = env.executeAsync("ordered sink");
            job.getJobExecutionResult().get();

            assertThat(counter(job.getJobID(), "retries"))
                    .as("the refused first bulk")
                    .isEqualTo(1);
            assertThat(front.listenerFailures()).isEmpty();
            Map<String, long[]> lastOfId = new HashMap<>();
            for (String answeredAction : answeredActions) {
                String[] fields = answeredAction.split(" ");
                long sent = Long.parseLong(fields[0]);
                long version = Long.parseLong(fields[3]);
                long[] last = lastOfId.put(fields[2], new long[] {Long.parseLong(fields[1]), version});
                if (last != null) {
                    assertThat(version)
                            .as("version of %s after %s", fields[2], last[1])
                            .isGreaterThan(last[1]);
                    assertThat(sent)
                            .as("%s version %s sent after version %s was answered", fields[2], version, last[1])
                            .isGreaterThan(last[0]);
                }
            }
            assertThat(lastOfId).hasSize(10);
            assertThat(node.count(index)).isEqualTo(10);
            assertThat(node.version(index, "doc-0")).isEqualTo(3);
        }
    }

    @Test
    void deletesOfDocumentsThatAreNotThereAreDone() throws Exception {
        JobClient job = start(List.of(DocumentWrite.delete("never-written", 5)));
        job.getJobExecutionResult().get();
        assertThat(counter(job.getJobID(), "documentsDeleted")).isEqualTo(1);
        assertThat(counter(job.getJobID(), "deadLetters")).isZero();
    }

    @Test
    void writesGoOverTlsWithBasicAuthenticationAndBulkRequestsLostOrRefusedWith503AreRetried() throws Exception {
        try (OpenSearchFrontProxy front =
                OpenSearchFrontProxy.secure(node.url(), "indexer", "s3cret", deadLetterDirectory)) {
            front.failNextBulkRequests(3);
            front.dropNextBulkConnections(2);
            OpenSearchConnection secure = OpenSearchConnection.to(front.url())
                    .withBasicAuth("indexer", "s3cret")
                    .withTrustStore(front.trustStore().toString(), OpenSearchFrontProxy.PASSWORD);
            List<DocumentWrite> writes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                writes.add(DocumentWrite.index("doc-" + i, 1, source(i)));
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromData(writes)
                    .sinkTo(OpenSearchSink.<DocumentWrite>builder()
                            .connection(secure)
                            .index(index)
                            .documents(write -> write)
                            .deadLetters(DeadLetterFile.in(deadLetterDirectory, "Orders"))
                            .option(OpenSearchSinkOptions.RETRY_BASE_DELAY, Duration.ofMillis(20))
                            .build());
            JobClient job = env.executeAsync("secure sink");
            job.getJobExecutionResult().get();

            assertThat(node.count(index)).isEqualTo(60);
            assertThat(counter(job.getJobID(), "retries"))
                    .as("the actions of two lost and three refused bulk " + "requests")
                    .isGreaterThanOrEqualTo(5);
            assertThat(front.unauthorizedRequests())
                    .as("only the client's first, unauthenticated attempts")
                    .isLessThanOrEqualTo(2);

            StreamExecutionEnvironment wrongPassword = StreamExecutionEnvironment.getExecutionEnvironment();
            wrongPassword.setParallelism(1);
            wrongPassword
                    .fromData(writes)
                    .sinkTo(OpenSearchSink.<DocumentWrite>builder()
                            .connection(OpenSearchConnection.to(front.url())
                                    .withBasicAuth("indexer", "wrong")
                                    .withTrustStore(front.trustStore().toString(), OpenSearchFrontProxy.PASSWORD))
                            .index(index)
                            .documents(write -> write)
                            .deadLetters(DeadLetterFile.in(deadLetterDirectory, "Orders"))
                            .build());
            assertThatThrownBy(() -> wrongPassword.execute("wrong password"))
                    .satisfies(failure -> assertThat(ExceptionUtils.stringifyException(failure))
                            .contains(index)
                            .contains("Unauthorized"));
        }
    }
}
