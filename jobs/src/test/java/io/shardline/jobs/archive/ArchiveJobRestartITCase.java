package io.shardline.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.JavaProcess;
import io.shardline.jobs.testing.JobProcesses;
import io.shardline.jobs.testing.ServedEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code archive} as users run it, {@code java -jar} in a process of its own: killed with SIGKILL and
 * started again with its state, killed and started without it (it learns from the committed files
 * what they hold), stopped with SIGTERM (handled as Ctrl-C is; a test cannot send Ctrl-C's SIGINT
 * reliably, as a process started in the background ignores it) and started again. Every item Time to
 * Live deleted is in the visible files exactly once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ArchiveJobRestartITCase {
    private static final String TABLE = "Sessions";
    private static final Duration ARCHIVED = Duration.ofMinutes(2);
    private static final Duration STARTED = Duration.ofMinutes(1);
    private final Set<String> expired = new HashSet<>();

    @TempDir
    Path work;

    private ServedEngine source;
    private DynamoDbClient client;
    private JobProcesses processes;

    @BeforeEach
    void start() {
        source = ServedEngine.start(Duration.ofSeconds(5));
        source.createTable(TABLE, "session", StreamViewType.NEW_AND_OLD_IMAGES);
        client = source.client();
        client.updateTimeToLive(r ->
                r.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        processes = new JobProcesses(work);
    }

    @AfterEach
    void stop() throws Exception {
        processes.close();
        source.close();
    }

    private JavaProcess run(String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "archive",
                "--table",
                TABLE,
                "--to",
                work.resolve("archive").toString(),
                "--checkpoint-interval",
                "1s",
                "--progress-interval",
                "1s",
                "--idle-poll-interval",
                "100ms",
                "--web-port",
                "0"));
        command.addAll(source.connection());
        return processes.start(name, command);
    }

    /** Writes sessions {@code from} to {@code to} (excluded) already expired: the sweeper deletes them soon. */
    private void expire(int from, int to) {
        long past = Instant.now().getEpochSecond() - 60;
        for (int n = from; n < to; n++) {
            String session = "session-" + n;
            client.putItem(r -> r.tableName(TABLE)
                    .item(Map.of(
                            "session",
                            AttributeValue.fromS(session),
                            "expires",
                            AttributeValue.fromN(Long.toString(past)),
                            "data",
                            AttributeValue.fromS("d" + session))));
            expired.add(session);
        }
    }

    private List<ChangeRecord> archived() {
        return ArchiveFiles.read(work.resolve("archive"), ArchiveFormat.JSONL);
    }

    /** Waits until the visible files hold every session expired so far, and checks each is there exactly once. */
    private void assertArchivedExactlyOnce(JavaProcess job) throws InterruptedException {
        List<ChangeRecord> removals = Await.latest(
                ARCHIVED,
                Duration.ofMillis(300),
                this::archived,
                found -> sessions(found).size() >= expired.size());
        assertThat(sessions(removals)).as(job.status(20)).isEqualTo(expired);
        assertThat(removals).as("each removal in the visible files once").hasSize(expired.size());
    }

    private static Set<String> sessions(List<ChangeRecord> removals) {
        Set<String> sessions = new HashSet<>();
        removals.forEach(removal -> sessions.add(removal.keys().get("session").s()));
        return sessions;
    }

    @Test
    void everyRemovalIsArchivedOnceAcrossKillsLostStateAndAStop() throws Exception {
        expire(0, 100);
        JavaProcess first = run("archive-1");
        Await.until(ARCHIVED, () -> sessions(archived()).size() >= 100, "the first 100 removals archived");
        expire(100, 150);
        Await.until(ARCHIVED, () -> sessions(archived()).size() >= 110, "some of the next 50 archived");
        first.kill();

        expire(150, 200);
        JavaProcess resumed = run("archive-2");
        resumed.awaitLine(Pattern.compile("^Resuming from checkpoint \\d+ taken "), STARTED);
        assertArchivedExactlyOnce(resumed);
        resumed.kill();

        FileUtils.deleteDirectory(work.resolve("shardline-state").toFile());
        expire(200, 240);
        JavaProcess cold = run("archive-3");
        cold.awaitLine(
                Pattern.compile("^The archive holds removals of \\d+ shard\\(s\\) of Sessions already"), STARTED);
        assertArchivedExactlyOnce(cold);
        cold.awaitLineFrom(
                cold.lineCount(), Pattern.compile("removals archived \\([\\d,]+ archived before\\)"), STARTED);

        cold.signal("TERM");
        cold.awaitLine(Pattern.compile("^Stopped with savepoint \\S+; the same command resumes from it"), STARTED);
        assertThat(cold.awaitExit(STARTED)).isZero();
        expire(240, 260);
        JavaProcess afterStop = run("archive-4");
        afterStop.awaitLine(Pattern.compile("^Resuming from savepoint "), STARTED);
        assertArchivedExactlyOnce(afterStop);
    }
}
