package io.shardline.jobs.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final Pattern PROBE_STEP =
            Pattern.compile("probe: (\\d+) events/s for \\d+ s: .*: (kept up|fell behind)");
    private static final Pattern PROBE_RESULT =
            Pattern.compile("probe: (sustained|did not sustain) (\\d+) events/s .*");

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theDemoShowsProgressAndClosedWindowsAndStopsCleanly() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new Demo(out))
                .execute(
                        "--port",
                        "0",
                        "--web-port",
                        "0",
                        "--duration",
                        "15s",
                        "--rate",
                        "300",
                        "--window",
                        "3s",
                        "--sliding-window",
                        "6s",
                        "--slide",
                        "3s",
                        "--out-of-orderness",
                        "1s",
                        "--allowed-lateness",
                        "1s",
                        "--max-disorder",
                        "500ms",
                        "--checkpoint-interval",
                        "1s");
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, exit, String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("Shardline demo: DynamoDB endpoint http://127.0.0.1:"), lines.get(0));
        assertTrue(
                lines.get(0).matches(".*Flink web UI http://127.0.0.1:[1-9][0-9]*,.*"),
                "the web UI's port, picked by Flink: " + lines.get(0));
        assertTrue(lines.stream().anyMatch(DemoITCase::writesAndReads), "progress lines:\n" + String.join("\n", lines));
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("top actions: game-")),
                "a closed window:\n" + String.join("\n", lines));
        assertEquals("Shardline demo stopped.", lines.get(lines.size() - 1));
        URI endpoint = URI.create(lines.get(0).split(" ")[4].replace(",", ""));
        assertThrows(
                ConnectException.class,
                () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(),
                "the engine's endpoint is closed");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theMaxRateProbeDoublesThenNarrowsAndHoldsTheBestRateItKeptUpWith() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new Demo(out))
                .execute(
                        "--port",
                        "0",
                        "--web-port",
                        "0",
                        "--max-rate",
                        "--rate",
                        "500",
                        "--probe-step",
                        "2s",
                        "--probe-hold",
                        "3s",
                        "--checkpoint-interval",
                        "1s");
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        String all = String.join("\n", lines);
        List<Matcher> steps =
                lines.stream().map(PROBE_STEP::matcher).filter(Matcher::matches).toList();
        assertTrue(steps.size() >= 2, all);
        assertEquals("500", steps.get(0).group(1), all);
        List<Integer> keptUp = steps.stream()
                .filter(m -> m.group(2).equals("kept up"))
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
        assertFalse(keptUp.isEmpty(), all);
        int firstFallBehind = steps.stream().map(m -> m.group(2)).toList().indexOf("fell behind");
        for (int i = 1; i <= (firstFallBehind < 0 ? steps.size() - 1 : firstFallBehind); i++) {
            assertEquals(
                    2 * Integer.parseInt(steps.get(i - 1).group(1)),
                    Integer.parseInt(steps.get(i).group(1)),
                    "doubling while the job keeps up:\n" + all);
        }
        List<Matcher> holds = lines.stream()
                .map(PROBE_RESULT::matcher)
                .filter(Matcher::matches)
                .toList();
        assertFalse(holds.isEmpty(), "no result line:\n" + all);
        assertEquals(
                keptUp.stream().mapToInt(Integer::intValue).max().orElseThrow(),
                Integer.parseInt(holds.get(0).group(2)),
                "the best rate is held first:\n" + all);
        for (int i = 1; i < holds.size(); i++) {
            assertEquals("did not sustain", holds.get(i - 1).group(1), all);
            assertEquals(
                    Integer.parseInt(holds.get(i - 1).group(2)) * 9 / 10 / 100 * 100,
                    Integer.parseInt(holds.get(i).group(2)),
                    "held again 10% lower:\n" + all);
        }
        assertEquals(holds.get(holds.size() - 1).group(1).equals("sustained") ? 0 : 1, exit, all);
        assertEquals("Shardline demo stopped.", lines.get(lines.size() - 1));
    }

    private static boolean writesAndReads(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() && Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0;
    }
}
