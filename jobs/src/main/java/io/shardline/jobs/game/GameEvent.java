package io.shardline.jobs.game;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One player action in a game, as the generator writes it into the {@code GameEvents} table and the
 * aggregation job reads it back from the table's stream. A Flink POJO.
 */
public final class GameEvent {
    public String eventId;
    public String game;
    public String action;
    public String player;
    public long score;
    /** When the action happened (epoch milliseconds): the job's event time. */
    public long eventTime;

    public GameEvent() {}

    public GameEvent(String eventId, String game, String action, String player, long score, long eventTime) {
        this.eventId = eventId;
        this.game = game;
        this.action = action;
        this.player = player;
        this.score = score;
        this.eventTime = eventTime;
    }

    /** The key the aggregation groups by. */
    public String gameAction() {
        return game + "#" + action;
    }

    /** The event as a table item. */
    public Map<String, AttributeValue> toItem() {
        return Map.of(
                "eventId",
                AttributeValue.fromS(eventId),
                "game",
                AttributeValue.fromS(game),
                "action",
                AttributeValue.fromS(action),
                "player",
                AttributeValue.fromS(player),
                "score",
                AttributeValue.fromN(Long.toString(score)),
                "eventTime",
                AttributeValue.fromN(Long.toString(eventTime)));
    }

    /** The event held by a table item, failing with the item when an attribute is missing. */
    public static GameEvent fromItem(Map<String, AttributeValue> item) {
        try {
            return new GameEvent(
                    item.get("eventId").s(),
                    item.get("game").s(),
                    item.get("action").s(),
                    item.get("player").s(),
                    Long.parseLong(item.get("score").n()),
                    Long.parseLong(item.get("eventTime").n()));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a game event: " + item, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GameEvent e
                && eventId.equals(e.eventId)
                && game.equals(e.game)
                && action.equals(e.action)
                && player.equals(e.player)
                && score == e.score
                && eventTime == e.eventTime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventTime);
    }

    @Override
    public String toString() {
        return eventId + " " + gameAction() + " by " + player + " score " + score + " at " + eventTime;
    }
}
