package io.shardline.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.engine.control.EngineControl;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.JavaProcess;
import io.shardline.jobs.testing.JobProcesses;
import io.shardline.jobs.testing.JobsJar;
import io.shardline.jobs.testing.ServedEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * {@code index} as users run it, {@code java -jar} in a process of its own, against a real OpenSearch
 * node: killed and resumed from its state directory without a snapshot, started cold after its state
 * was lost (the documents of items deleted meanwhile removed after the snapshot), and started after
 * the stream was trimmed past its position (a new snapshot). {@code verify} finds the index equal to
 * the table after each.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class IndexJobRestartITCase {
    private static final String TABLE = "Products";
    private static final Duration CONVERGED = Duration.ofMinutes(2);
    private static final Duration STARTED = Duration.ofMinutes(1);
    private final OpenSearchNode node = OpenSearchNode.shared();
    private final String index = "products-" + UUID.randomUUID();

    @TempDir
    Path work;

    private ServedEngine source;
    private DynamoDbClient client;
    private JobProcesses processes;

    @BeforeEach
    void start() {
        source = ServedEngine.start(Duration.ofSeconds(4));
        source.createTable(TABLE, "sku", StreamViewType.NEW_IMAGE);
        client = source.client();
        processes = new JobProcesses(work);
    }

    @AfterEach
    void stop() throws Exception {
        processes.close();
        source.close();
    }

    private JavaProcess run(String name, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "index",
                "--table",
                TABLE,
                "--opensearch",
                node.url(),
                "--index",
                index,
                "--checkpoint-interval",
                "1s",
                "--progress-interval",
                "1s",
                "--idle-poll-interval",
                "100ms",
                "--bulk-flush-interval",
                "20ms",
                "--web-port",
                "0"));
        command.addAll(List.of(more));
        command.addAll(source.connection());
        return processes.start(name, command);
    }

    /** An item of every kind of attribute; its price and tags change with {@code version}. */
    private void put(int n, int version) {
        client.putItem(r -> r.tableName(TABLE)
                .item(Map.of(
                        "sku",
                        AttributeValue.fromS("sku-" + n),
                        "price",
                        AttributeValue.fromN(version + "." + n),
                        "tags",
                        AttributeValue.fromSs(List.of("t" + version, "n" + n)),
                        "image",
                        AttributeValue.fromB(SdkBytes.fromUtf8String("img" + n)),
                        "dimensions",
                        AttributeValue.fromM(Map.of(
                                "w",
                                AttributeValue.fromN(Integer.toString(n)),
                                "label",
                                AttributeValue.fromS(n % 2 == 0 ? "2026-11-27" : "soon"))),
                        "history",
                        AttributeValue.fromL(List.of(
                                AttributeValue.fromS("v" + version), AttributeValue.fromN(Integer.toString(version)))),
                        "onSale",
                        AttributeValue.fromBool(n % 2 == 0))));
    }

    private void delete(int n) {
        client.deleteItem(r -> r.tableName(TABLE).key(Map.of("sku", AttributeValue.fromS("sku-" + n))));
    }

    private void assertEqual(JavaProcess job) throws InterruptedException {
        List<String> verify =
                new ArrayList<>(List.of("verify", "--table", TABLE, "--opensearch", node.url(), "--index", index));
        verify.addAll(source.connection());
        JobsJar.Run verified = Await.latest(
                CONVERGED,
                Duration.ofMillis(500),
                () -> JobsJar.inProcess(verify.toArray(String[]::new)),
                run -> run.exitCode() == 0);
        assertThat(verified.exitCode())
                .as(verified.output() + "\njob: " + job.status(30))
                .isZero();
    }

    @Test
    void killedColdStartedAndTrimmedRunsConvergeAndDeletedItemsLoseTheirDocuments() throws Exception {
        for (int n = 0; n < 300; n++) {
            put(n, 1);
        }
        JavaProcess first = run("index-1");
        first.awaitLine(Pattern.compile("^Indexing table Products into " + index + ", snapshot first"), STARTED);
        assertEqual(first);
        for (int n = 0; n < 40; n++) {
            put(n, 2);
        }
        assertEqual(first);
        first.kill();

        for (int n = 100; n < 300; n += 3) {
            delete(n);
        }
        for (int n = 40; n < 80; n++) {
            put(n, 3);
        }
        JavaProcess resumed = run("index-2");
        resumed.awaitLine(Pattern.compile("^Resuming from checkpoint \\d+ taken "), STARTED);
        resumed.awaitLine(Pattern.compile("^Resumed indexing table Products"), STARTED);
        assertEqual(resumed);
        resumed.awaitLineFrom(
                resumed.lineCount(),
                Pattern.compile("^index " + index + ": 0 documents/s \\| "
                        + "[\\d,]+ version conflicts \\| 0 dead letters \\| lag 0 ms$"),
                STARTED);
        resumed.kill();

        FileUtils.deleteDirectory(work.resolve("shardline-state").toFile());
        int deletedWhileDown = 0;
        for (int n = 0; n < 100; n += 4) {
            delete(n);
            deletedWhileDown++;
        }
        put(1000, 1);
        JavaProcess cold = run("index-3");
        cold.awaitLine(Pattern.compile("^Indexing table Products into " + index + ", snapshot first"), STARTED);
        String removed = cold.awaitLine(
                Pattern.compile("^Snapshot complete: removed (\\d+) entries that the table "
                        + "no longer holds from index " + Pattern.quote(index)),
                CONVERGED);
        assertThat(Integer.parseInt(removed)).as(cold.status(60)).isEqualTo(deletedWhileDown);
        assertEqual(cold);
        cold.kill();

        for (int n = 1; n < 100; n += 4) {
            delete(n);
        }
        put(1001, 1);
        new EngineControl(source.endpoint()).trimStream(TABLE);
        JavaProcess trimmed = run("index-4", "--stop-timeout", "0s");
        trimmed.awaitLine(
                Pattern.compile(
                        "^The stream no longer holds this job's position .*: snapshotting the table " + "again"),
                CONVERGED);
        trimmed.awaitLine(Pattern.compile("^Snapshot complete: removed 25 entries"), CONVERGED);
        assertEqual(trimmed);
        trimmed.signal("TERM");
        trimmed.awaitLine(
                Pattern.compile("^No savepoint within 0 s \\(.*\\): cancelling the job; the next start "
                        + "resumes from its latest checkpoint"),
                STARTED);
        assertThat(trimmed.awaitExit(CONVERGED)).isZero();
        assertThat(String.join("\n", List.of(first.output(), resumed.output(), cold.output(), trimmed.output())))
                .as("rates are never negative")
                .doesNotContainPattern("-\\d[\\d,]* documents/s");
    }
}
