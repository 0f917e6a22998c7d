package io.shardline.engine.streamops;

import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.model.DynamoException;
import io.shardline.engine.model.ErrorType;
import java.util.Base64;

/**
 * Shard iterators: opaque tokens naming a table's stream, a shard and a position after a sequence
 * number, valid for 15 minutes from their creation.
 */
final class ShardIterators {
    static final long LIFETIME_MILLIS = 15 * 60 * 1000;

    private ShardIterators() {
    }

    /** Where an iterator points: after sequence number {@code after} in shard {@code shard}. */
    record Position(String table, String label, long shard, long after, long createdAtMillis) {
        Position advancedTo(long newAfter, long nowMillis) {
            return new Position(table, label, shard, newAfter, nowMillis);
        }
    }

    static String encode(Position position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(DynamoJson.write(position));
    }

    /** The position of a token; fails for a malformed or expired one. */
    static Position decode(String token, long nowMillis) {
        Position position;
        try {
            position = DynamoJson.read(Base64.getUrlDecoder().decode(token), Position.class);
        } catch (IllegalArgumentException | NullPointerException | DynamoException e) {
            throw DynamoException.validation("Invalid ShardIterator: " + token);
        }
        if (position.table() == null || position.label() == null) {
            throw DynamoException.validation("Invalid ShardIterator: " + token);
        }
        long age = nowMillis - position.createdAtMillis();
        if (age > LIFETIME_MILLIS) {
            throw new DynamoException(ErrorType.EXPIRED_ITERATOR, "Iterator expired. The iterator was created at time "
                    + position.createdAtMillis() + " while right now it is " + nowMillis + " which is further in the "
                    + "future than the tolerated delay of " + LIFETIME_MILLIS + " milliseconds.");
        }
        return position;
    }
}
