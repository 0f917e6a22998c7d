package io.shardline.jobs.game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the game-metrics job must have stored: the windows (tumbling and sliding) of a set of events,
 * aggregated the plain way, next to the windows the metrics table holds, for tests that compare the two.
 */
public final class WindowExpectation {
    private WindowExpectation() {}

    /** The windows ending at or before {@code closedBefore} that {@code events} make, by action and window. */
    public static Map<String, WindowResult> aggregate(
            List<GameEvent> events, GameMetricsOptions options, long closedBefore) {
        Map<String, List<GameEvent>> byWindow = new HashMap<>();
        long tumble = options.window.toMillis();
        long size = options.slidingWindow.toMillis();
        long slide = options.slide.toMillis();
        for (GameEvent event : events) {
            long start = Math.floorDiv(event.eventTime, tumble) * tumble;
            byWindow.computeIfAbsent(event.gameAction() + "|" + start + "|" + (start + tumble), k -> new ArrayList<>())
                    .add(event);
            for (long s = Math.floorDiv(event.eventTime, slide) * slide; s > event.eventTime - size; s -= slide) {
                byWindow.computeIfAbsent(event.gameAction() + "|" + s + "|" + (s + size), k -> new ArrayList<>())
                        .add(event);
            }
        }
        Map<String, WindowResult> expected = new HashMap<>();
        byWindow.forEach((key, members) -> {
            String[] parts = key.split("\\|");
            long start = Long.parseLong(parts[1]);
            long end = Long.parseLong(parts[2]);
            if (end > closedBefore) {
                return;
            }
            Map<String, Long> scores = new HashMap<>();
            members.forEach(e -> scores.merge(e.player, e.score, Long::sum));
            WindowResult result = WindowResult.of(
                    parts[0],
                    start,
                    end,
                    members.size(),
                    members.stream().mapToLong(e -> e.score).sum(),
                    scores,
                    options.topPlayers);
            expected.put(result.gameAction + " " + result.window(), result);
        });
        return expected;
    }

    /** The windows ending at or before {@code closedBefore} that the metrics table holds, keyed as {@link #aggregate}. */
    public static Map<String, WindowResult> stored(DynamoDbClient client, String metricsTable, long closedBefore) {
        Map<String, WindowResult> stored = new HashMap<>();
        client.scanPaginator(r -> r.tableName(metricsTable)).items().forEach(item -> {
            WindowResult result = WindowResult.fromItem(item);
            if (result.windowEnd <= closedBefore) {
                stored.put(result.gameAction + " " + result.window(), result);
            }
        });
        return stored;
    }

    /** Up to ten windows that are missing, unexpected or different, for a readable failure. */
    public static List<String> differences(Map<String, WindowResult> expected, Map<String, WindowResult> stored) {
        List<String> differences = new ArrayList<>();
        new TreeSet<>(expected.keySet()).forEach(key -> {
            if (!expected.get(key).equals(stored.get(key))) {
                differences.add("expected " + expected.get(key) + " but stored " + stored.get(key));
            }
        });
        new TreeSet<>(stored.keySet())
                .stream()
                        .filter(key -> !expected.containsKey(key))
                        .forEach(key -> differences.add("unexpected " + stored.get(key)));
        return differences.subList(0, Math.min(10, differences.size()));
    }
}
