package io.shardline.engine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The launcher as users run it: in its own process, with a bounded child JVM, stopped by signals. */
@Timeout(300)
class EngineLauncherITCase {

    /** Starts the launcher as users do, without -Xmx, on a free port. */
    private static Process launch(Path dir) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EngineLauncher.class.getName(),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
    }

    /** The line that says the server listens (null if the output ends first). */
    private static String awaitListening(BufferedReader out) throws IOException {
        String line = out.readLine();
        while (line != null && !line.startsWith("Shardline engine listening")) {
            line = out.readLine();
        }
        return line;
    }

    @Test
    void servesUntilSigtermThenStopsCleanlyKeepingData(@TempDir Path dir) throws Exception {
        Process process = launch(dir);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = awaitListening(out);
            Matcher endpoint = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) ")
                    .matcher(ready);
            assertTrue(endpoint.find(), ready);
            Matcher heap = Pattern.compile("heap at most (\\d+) MB").matcher(ready);
            assertTrue(
                    heap.find() && Integer.parseInt(heap.group(1)) <= 512,
                    "started without -Xmx, the server runs in a child JVM with the default 512m heap limit: " + ready);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(endpoint.group(1) + "/"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertNotNull(health.headers().firstValue("x-amz-crc32").orElse(null));
            assertTrue(Files.isDirectory(dir.resolve("data")));
            assertEquals(
                    0,
                    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                            .start()
                            .waitFor());
            String last = out.readLine();
            while (last != null && !last.equals("Shardline engine stopped")) {
                last = out.readLine();
            }
            assertEquals("Shardline engine stopped", last);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, process.exitValue(), "exited on SIGTERM after the shutdown hook ran");
    }

    @Test
    void theBoundedServerStopsWhenItsLauncherIsKilled(@TempDir Path dir) throws Exception {
        Process launcher = launch(dir);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            assertNotNull(awaitListening(out), "the server started");
            List<ProcessHandle> children = launcher.toHandle().children().toList();
            assertEquals(1, children.size(), "the server runs in one child JVM");
            launcher.destroyForcibly();
            assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
            children.get(0).onExit().get(30, TimeUnit.SECONDS);
            assertFalse(children.get(0).isAlive(), "the child stopped with its killed launcher");
        }
    }

    @Test
    void aLauncherKilledUnderWriteLoadRestartsAtOnceTenTimesLosingNoAcknowledgedWrite(@TempDir Path dir)
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong next = new AtomicLong();
        for (int start = 0; start < 10; start++) {
            Process launcher = launch(dir);
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            String ready = awaitListening(out);
            assertNotNull(ready, "start " + (start + 1) + " after a SIGKILL of the launcher served");
            Matcher endpoint = Pattern.compile("listening on (http://\\S+) ").matcher(ready);
            assertTrue(endpoint.find(), ready);
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint.group(1)))
                    .region(Region.US_EAST_1)
                    .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                    .build()) {
                if (start == 0) {
                    client.createTable(r -> r.tableName("Acked")
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
                }
                long before = acknowledged.size();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    Thread writer = new Thread(() -> {
                        try {
                            while (true) {
                                String id = "item-" + next.incrementAndGet();
                                client.putItem(r -> r.tableName("Acked").item(Map.of("id", AttributeValue.fromS(id))));
                                acknowledged.add(id);
                            }
                        } catch (SdkException e) {
                            // the launcher was killed: this write was not acknowledged
                        }
                    });
                    writer.start();
                    writers.add(writer);
                }
                Await.until(
                        Duration.ofSeconds(60),
                        () -> acknowledged.size() >= before + 200,
                        "200 acknowledged writes on start " + (start + 1));
                launcher.destroyForcibly();
                for (Thread writer : writers) {
                    writer.join(60_000);
                    assertFalse(writer.isAlive(), "a writer still runs after the launcher was killed");
                }
            }
            assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
            out.close();
        }
        Process last = launch(dir);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(last.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher endpoint = Pattern.compile("listening on (http://\\S+) ").matcher(awaitListening(out));
            assertTrue(endpoint.find());
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint.group(1)))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                    .build()) {
                Set<String> stored = new HashSet<>();
                client.scanPaginator(r -> r.tableName("Acked").consistentRead(true))
                        .items()
                        .forEach(item -> stored.add(item.get("id").s()));
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertTrue(acknowledged.size() >= 2000, "writes acknowledged: " + acknowledged.size());
                assertEquals(Set.of(), lost, "acknowledged writes lost");
            }
        } finally {
            last.destroy();
            assertTrue(last.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aStartWhoseDataDirectoryStaysHeldSaysByWhomInOneLine(@TempDir Path dir) throws Exception {
        Process first = launch(dir);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertNotNull(awaitListening(out));
            Process second = launch(dir);
            String output;
            try (InputStream secondOut = second.getInputStream()) {
                output = new String(secondOut.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, second.exitValue(), output);
            long holder = first.toHandle().children().findFirst().orElseThrow().pid();
            assertTrue(output.contains("Waiting up to 10 s for the data directory"), output);
            assertTrue(output.contains("is in use by process " + holder), output);
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
        } finally {
            first.destroy();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
    }
}
