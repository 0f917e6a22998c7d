package io.shardline.jobs.game;

import java.util.HashMap;
import java.util.Map;

/** What a window of one game and action has seen so far: events, score, and score per player. A Flink POJO. */
public final class WindowAccumulator {
    public long count;
    public long scoreSum;
    public Map<String, Long> scoreByPlayer = new HashMap<>();

    void add(GameEvent event) {
        count++;
        scoreSum += event.score;
        scoreByPlayer.merge(event.player, event.score, Long::sum);
    }

    WindowAccumulator merge(WindowAccumulator other) {
        count += other.count;
        scoreSum += other.scoreSum;
        other.scoreByPlayer.forEach((player, score) -> scoreByPlayer.merge(player, score, Long::sum));
        return this;
    }
}
