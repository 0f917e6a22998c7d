package io.shardline.jobs.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.control.EngineControl;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.JavaProcess;
import io.shardline.jobs.testing.JobProcesses;
import io.shardline.jobs.testing.JobsJar;
import io.shardline.jobs.testing.ListeningSockets;
import io.shardline.jobs.testing.ServedEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * {@code replicate} as users run it, {@code java -jar} in a process of its own, stopped and started
 * again the ways a laptop, a container or a supervisor stop it: killed and resumed from its state
 * directory, started cold after its state was lost, started after the stream was trimmed past its
 * position, stopped with SIGTERM. Every time the filtered copy converges to what the table selects.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReplicateJobRestartITCase {
    private static final String TABLE = "Orders";
    private static final String COPY = "ActiveOrders";
    private static final Duration CONVERGED = Duration.ofMinutes(2);
    private static final Duration STARTED = Duration.ofMinutes(1);
    /** What the copy holds of the table: the active orders. */
    private static final List<String> SELECTION = List.of(
            "--filter",
            "#s = :a",
            "--expression-names",
            "#s=status",
            "--expression-values",
            "{\":a\": {\"S\": \"active\"}}");

    @TempDir
    Path work;

    private ServedEngine source;
    private DynamoDbClient client;
    private JobProcesses processes;

    @BeforeEach
    void start() {
        source = ServedEngine.start(Duration.ofSeconds(4));
        source.createTable(TABLE, "id", StreamViewType.NEW_AND_OLD_IMAGES);
        client = source.client();
        processes = new JobProcesses(work);
    }

    @AfterEach
    void stop() throws Exception {
        processes.close();
        source.close();
    }

    private JavaProcess run(String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "replicate",
                "--table",
                TABLE,
                "--target",
                COPY,
                "--checkpoint-interval",
                "1s",
                "--progress-interval",
                "1s",
                "--idle-poll-interval",
                "100ms"));
        command.addAll(SELECTION);
        command.addAll(source.connection());
        return processes.start(name, command);
    }

    private void put(int n, String status) {
        client.putItem(r -> r.tableName(TABLE)
                .item(Map.of(
                        "id",
                        AttributeValue.fromS("order-" + n),
                        "status",
                        AttributeValue.fromS(status),
                        "n",
                        AttributeValue.fromN(Integer.toString(n)))));
    }

    private void delete(int n) {
        client.deleteItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("order-" + n))));
    }

    /** Waits until {@code verify} finds the copy equal to what the table selects, within a bound. */
    private void assertEqual(JavaProcess job) throws InterruptedException {
        List<String> verify = new ArrayList<>(List.of("verify", "--table", TABLE, "--target-table", COPY));
        verify.addAll(SELECTION);
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
    void killedStoppedAndColdStartedRunsConvergeWithoutASnapshotWhenTheyResume() throws Exception {
        for (int n = 0; n < 300; n++) {
            put(n, n % 3 == 0 ? "inactive" : "active");
        }
        JavaProcess first = run("replicate-1");
        first.awaitLine(Pattern.compile("^Replicating table Orders to ActiveOrders, snapshot first"), STARTED);
        String web = first.awaitLine(Pattern.compile("^Flink web UI: (http://\\S+)"), STARTED);
        assertLocalOnly(first, web);
        assertEqual(first);
        List<String> beside = new ArrayList<>(List.of(
                "replicate",
                "--table",
                TABLE,
                "--target",
                "OtherCopy",
                "--state-dir",
                work.resolve("other-state").toString()));
        beside.addAll(source.connection());
        JavaProcess other = processes.start("replicate-beside", beside);
        String otherWeb = other.awaitLine(Pattern.compile("^Flink web UI: (http://\\S+)"), STARTED);
        assertThat(otherWeb)
                .as("a second job on the default web port moves to a free one")
                .isNotEqualTo(web);
        other.awaitLine(Pattern.compile("^Replicating table Orders to OtherCopy"), STARTED);
        other.kill();
        JavaProcess again = run("replicate-again");
        assertThat(again.awaitExit(STARTED))
                .as("a second run on the same state is refused")
                .isEqualTo(2);
        assertThat(again.output())
                .contains("Another run of this job uses the state directory "
                        + work.resolve("shardline-state/replicate-Orders"));
        for (int n = 300; n < 350; n++) {
            put(n, "active");
        }
        first.awaitLineFrom(first.lineCount(), Pattern.compile("^replicate Orders: stream lag \\d+ ms"), STARTED);
        first.kill();

        for (int n = 1; n < 91; n += 3) {
            delete(n);
        }
        for (int n = 2; n < 40; n += 3) {
            put(n, "inactive");
        }
        for (int n = 350; n < 380; n++) {
            put(n, "active");
        }
        JavaProcess resumed = run("replicate-2");
        resumed.awaitLine(Pattern.compile("^Resuming from checkpoint \\d+ taken "), STARTED);
        resumed.awaitLine(Pattern.compile("^Resumed replicating table Orders"), STARTED);
        assertEqual(resumed);
        assertThat(resumed.output()).as("no snapshot: no cleanup after one").doesNotContain("cleanup");
        resumed.awaitLineFrom(
                resumed.lineCount(),
                Pattern.compile("^replicate Orders: stream lag \\d+ ms \\| ActiveOrders: 0 writes/s, lag 0 ms$"),
                STARTED);
        resumed.kill();

        FileUtils.deleteDirectory(work.resolve("shardline-state").toFile());
        int removedWhileDown = 0;
        for (int n = 100; n < 130; n += 3) {
            delete(n);
            removedWhileDown++;
        }
        for (int n = 200; n < 230; n += 3) {
            put(n, "inactive");
            removedWhileDown++;
        }
        JavaProcess cold = run("replicate-3");
        cold.awaitLine(Pattern.compile("^Replicating table Orders to ActiveOrders, snapshot first"), STARTED);
        String removed = cold.awaitLine(Pattern.compile("^Snapshot complete: removed (\\d+) entries"), CONVERGED);
        assertThat(Integer.parseInt(removed))
                .as("the items deleted or filtered out while no state was kept; job: " + cold.status(60))
                .isEqualTo(removedWhileDown);
        assertEqual(cold);
        cold.kill();

        for (int n = 130; n < 160; n += 3) {
            delete(n);
        }
        put(500, "active");
        new EngineControl(source.endpoint()).trimStream(TABLE);
        JavaProcess trimmed = run("replicate-4");
        trimmed.awaitLine(Pattern.compile("^Resuming from checkpoint"), STARTED);
        trimmed.awaitLine(
                Pattern.compile("^The stream no longer holds this job's position .*shardId-.*: "
                        + "snapshotting the table again"),
                CONVERGED);
        trimmed.awaitLine(Pattern.compile("^Snapshot complete: removed \\d+ entries"), CONVERGED);
        assertEqual(trimmed);
        trimmed.awaitLineFrom(
                trimmed.lineCount(), Pattern.compile("snapshots again after a trimmed stream: 1$"), STARTED);

        trimmed.signal("TERM");
        trimmed.awaitLine(Pattern.compile("^Stopped with savepoint \\S+; the same command resumes from it"), STARTED);
        assertThat(trimmed.awaitExit(STARTED)).isZero();
        put(501, "active");
        delete(301);
        JavaProcess afterStop = run("replicate-5");
        afterStop.awaitLine(Pattern.compile("^Resuming from savepoint savepoint-\\S+ taken "), STARTED);
        assertEqual(afterStop);
        Path log = work.resolve("shardline-state/replicate-Orders/replicate.log");
        assertThat(Files.readString(log).split("Starting Flink Mini Cluster"))
                .as("the runs since the state was "
                        + "deleted (cold, trimmed, after the stop) append their logs to the state directory's")
                .hasSize(4);
        try (var files = Files.list(work)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no log in the working directory")
                    .containsExactlyInAnyOrder("shardline-state", "other-state");
        }
        assertThat(String.join("\n", List.of(first.output(), resumed.output(), cold.output(), trimmed.output())))
                .as("rates are never negative")
                .doesNotContainPattern("-\\d[\\d,]* writes/s");
    }

    /** The job's process listens on loopback only, and its web UI takes no jar. */
    private static void assertLocalOnly(JavaProcess job, String web) throws Exception {
        List<String> sockets = ListeningSockets.of(job.pid());
        assertThat(sockets).isNotEmpty();
        for (String socket : sockets) {
            assertThat(ListeningSockets.isLoopback(socket))
                    .as("%s listens beyond loopback: %s", job.name(), sockets)
                    .isTrue();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> config = http.send(
                HttpRequest.newBuilder(URI.create(web + "/config")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.body()).contains("\"web-submit\":false");
        HttpResponse<String> upload = http.send(
                HttpRequest.newBuilder(URI.create(web + "/jars/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; "
                                + "name=\"jarfile\"; filename=\"job.jar\"\r\n\r\nPK\r\n--x--\r\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode())
                .as("a jar upload is refused: " + upload.body())
                .isBetween(400, 499);
    }
}
