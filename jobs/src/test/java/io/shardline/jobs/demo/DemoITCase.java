package io.shardline.jobs.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The demo in one process: it starts, shows progress and closed windows every second, and stops cleanly. */
class DemoITCase {
    private static final Pattern PROGRESS = Pattern.compile("writes\\s+(\\d+)/s\\s+read\\s+(\\d+)/s");

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theDemoShowsProgressAndClosedWindowsAndStopsCleanly() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new Demo(out)).execute("--port", "0", "--web-port", "0",
                "--duration", "15s", "--rate", "300", "--window", "3s", "--sliding-window", "6s", "--slide", "3s",
                "--out-of-orderness", "1s", "--allowed-lateness", "1s", "--max-disorder", "500ms",
                "--checkpoint-interval", "1s");
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, exit, String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("Shardline demo: DynamoDB endpoint http://127.0.0.1:"), lines.get(0));
        assertTrue(lines.get(0).matches(".*Flink web UI http://localhost:[1-9][0-9]*,.*"),
                "the web UI's port, picked by Flink: " + lines.get(0));
        assertTrue(lines.stream().anyMatch(DemoITCase::writesAndReads), "progress lines:\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("top actions: game-")),
                "a closed window:\n" + String.join("\n", lines));
        assertEquals("Shardline demo stopped.", lines.get(lines.size() - 1));
        URI endpoint = URI.create(lines.get(0).split(" ")[4].replace(",", ""));
        assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(),
                "the engine's endpoint is closed");
    }

    private static boolean writesAndReads(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() && Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0;
    }
}
