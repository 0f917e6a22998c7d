package io.shardline.engine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as users run it: in its own process, with a bounded child JVM, stopped by signals. */
@Timeout(120)
class EngineLauncherITCase {

    /** Starts the launcher as users do, without -Xmx, on a free port. */
    private static Process launch(Path dir) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineLauncher.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--port", "0")
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
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = awaitListening(out);
            Matcher endpoint = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) ").matcher(ready);
            assertTrue(endpoint.find(), ready);
            Matcher heap = Pattern.compile("heap at most (\\d+) MB").matcher(ready);
            assertTrue(heap.find() && Integer.parseInt(heap.group(1)) <= 512,
                    "started without -Xmx, the server runs in a child JVM with the default 512m heap limit: " + ready);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint.group(1) + "/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertNotNull(health.headers().firstValue("x-amz-crc32").orElse(null));
            assertTrue(Files.isDirectory(dir.resolve("data")));
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
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
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            assertNotNull(awaitListening(out), "the server started");
            List<ProcessHandle> children = launcher.toHandle().children().toList();
            assertEquals(1, children.size(), "the server runs in one child JVM");
            launcher.destroyForcibly();
            assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
            children.get(0).onExit().get(30, TimeUnit.SECONDS);
            assertFalse(children.get(0).isAlive(), "the child stopped with its killed launcher");
        }
    }
}
