package io.shardline.engine.streams;

import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shard iterators: opaque tokens naming a table's stream, a shard and a position after a sequence
 * number, valid for 15 minutes from their creation. A token is the position in a compact binary form
 * followed by an HMAC-SHA256 of it under a key the engine keeps in its store (made once per data
 * directory, so tokens survive a restart), all in URL-safe base64. Only tokens this engine issued
 * are accepted: anything else, a real token with characters changed or added included, is a
 * ValidationException.
 */
final class ShardIterators {
    static final long LIFETIME_MILLIS = 15 * 60 * 1000;
    private static final byte[] KEY_NAME = "iterator-key".getBytes(StandardCharsets.UTF_8);
    private static final int MAC_BYTES = 32;
    private static final int MAX_NAME_BYTES = 1024;

    private final ThreadLocal<Mac> macs;

    private ShardIterators(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
            }
        });
    }

    /** The iterators of a store, creating its key on first use. */
    static ShardIterators of(Store store) {
        byte[] key = store.get(Family.META, KEY_NAME);
        if (key == null) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (Batch batch = store.batch()) {
                batch.put(Family.META, KEY_NAME, key);
                store.commit(batch);
            }
        }
        return new ShardIterators(key);
    }

    /** Where an iterator points: after sequence number {@code after} in shard {@code shard}. */
    record Position(String table, String label, long shard, long after, long createdAtMillis) {
        Position advancedTo(long newAfter, long nowMillis) {
            return new Position(table, label, shard, newAfter, nowMillis);
        }
    }

    String encode(Position position) {
        byte[] table = position.table().getBytes(StandardCharsets.UTF_8);
        byte[] label = position.label().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(4 + table.length + label.length + 24 + MAC_BYTES)
                .putShort((short) table.length)
                .put(table)
                .putShort((short) label.length)
                .put(label)
                .putLong(position.shard())
                .putLong(position.after())
                .putLong(position.createdAtMillis());
        payload.put(mac(payload.array(), payload.position()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /** The position of a token; fails for a token this engine did not issue, or an expired one. */
    Position decode(String token, long nowMillis) {
        Position position = verified(token);
        if (position == null) {
            throw DynamoException.validation("Invalid ShardIterator: " + shown(token));
        }
        long age = nowMillis - position.createdAtMillis();
        if (age > LIFETIME_MILLIS) {
            throw new DynamoException(
                    ErrorType.EXPIRED_ITERATOR,
                    "Iterator expired. The iterator was created at time "
                            + position.createdAtMillis() + " while right now it is " + nowMillis
                            + " which is further in the "
                            + "future than the tolerated delay of " + LIFETIME_MILLIS + " milliseconds.");
        }
        return position;
    }

    private Position verified(String token) {
        byte[] bytes;
        try {
            bytes = token == null ? null : Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes == null
                || bytes.length < 4 + 24 + MAC_BYTES
                || !token.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
            return null;
        }
        int signed = bytes.length - MAC_BYTES;
        if (!MessageDigest.isEqual(mac(bytes, signed), Arrays.copyOfRange(bytes, signed, bytes.length))) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, signed);
        String table = text(in);
        String label = text(in);
        if (table == null || label == null || in.remaining() != 24) {
            return null;
        }
        return new Position(table, label, in.getLong(), in.getLong(), in.getLong());
    }

    private static String text(ByteBuffer in) {
        if (in.remaining() < 2) {
            return null;
        }
        int length = in.getShort() & 0xFFFF;
        if (length > MAX_NAME_BYTES || in.remaining() < length) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] data, int length) {
        Mac mac = macs.get();
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    /** A token as error messages show it: cut short, since a hostile one can be long. */
    private static String shown(String token) {
        return token == null ? "null" : token.length() <= 80 ? token : token.substring(0, 80) + "...";
    }
}
