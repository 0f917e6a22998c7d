package io.shardline.jobs.game;

import io.shardline.connector.sink.TableWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The metrics of one game and action over one window: event count, score sum, distinct players and
 * the top players by score. A Flink POJO; stored in {@code GameMetrics} under its game#action and
 * window ({@code <start>/<size>}, for example {@code 2026-11-25T13:00:00Z/PT1M}).
 */
public final class WindowResult {
    public String gameAction;
    public long windowStart;
    public long windowEnd;
    public long count;
    public long scoreSum;
    public long distinctPlayers;
    /** "player=score", highest score first, ties by player name. */
    public List<String> topPlayers = new ArrayList<>();

    public WindowResult() {}

    static WindowResult of(
            String gameAction,
            long windowStart,
            long windowEnd,
            long count,
            long scoreSum,
            Map<String, Long> scoreByPlayer,
            int topN) {
        WindowResult result = new WindowResult();
        result.gameAction = gameAction;
        result.windowStart = windowStart;
        result.windowEnd = windowEnd;
        result.count = count;
        result.scoreSum = scoreSum;
        result.distinctPlayers = scoreByPlayer.size();
        scoreByPlayer.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(topN)
                .forEach(e -> result.topPlayers.add(e.getKey() + "=" + e.getValue()));
        return result;
    }

    /** The window's sort key in the table: its start and size. */
    public String window() {
        return Instant.ofEpochMilli(windowStart) + "/" + Duration.ofMillis(windowEnd - windowStart);
    }

    /** The put of this result, versioned by its event count: a later firing of a window covers more events. */
    public TableWrite toWrite() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("gameAction", AttributeValue.fromS(gameAction));
        item.put("window", AttributeValue.fromS(window()));
        item.put("windowStart", AttributeValue.fromN(Long.toString(windowStart)));
        item.put("windowEnd", AttributeValue.fromN(Long.toString(windowEnd)));
        item.put("count", AttributeValue.fromN(Long.toString(count)));
        item.put("scoreSum", AttributeValue.fromN(Long.toString(scoreSum)));
        item.put("distinctPlayers", AttributeValue.fromN(Long.toString(distinctPlayers)));
        item.put(
                "topPlayers",
                AttributeValue.fromL(
                        topPlayers.stream().map(AttributeValue::fromS).toList()));
        return TableWrite.put(item, count);
    }

    /** A result as stored in the table. */
    public static WindowResult fromItem(Map<String, AttributeValue> item) {
        WindowResult result = new WindowResult();
        result.gameAction = item.get("gameAction").s();
        result.windowStart = Long.parseLong(item.get("windowStart").n());
        result.windowEnd = Long.parseLong(item.get("windowEnd").n());
        result.count = Long.parseLong(item.get("count").n());
        result.scoreSum = Long.parseLong(item.get("scoreSum").n());
        result.distinctPlayers = Long.parseLong(item.get("distinctPlayers").n());
        item.get("topPlayers").l().forEach(player -> result.topPlayers.add(player.s()));
        return result;
    }

    /** Orders results by window start, then game#action. */
    public static final Comparator<WindowResult> BY_WINDOW = Comparator.comparingLong((WindowResult r) -> r.windowStart)
            .thenComparing(r -> r.windowEnd)
            .thenComparing(r -> r.gameAction);

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowResult r
                && gameAction.equals(r.gameAction)
                && windowStart == r.windowStart
                && windowEnd == r.windowEnd
                && count == r.count
                && scoreSum == r.scoreSum
                && distinctPlayers == r.distinctPlayers
                && topPlayers.equals(r.topPlayers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gameAction, windowStart, windowEnd, count);
    }

    @Override
    public String toString() {
        return gameAction + " " + window() + ": " + count + " events, score " + scoreSum + ", " + distinctPlayers
                + " players, top " + topPlayers;
    }
}
