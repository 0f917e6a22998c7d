package io.shardline.jobs.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a copy (an index, a replica table) with what it should hold, key by key, by a digest of
 * each entry: first everything the copy holds, then everything expected. Holds a digest per key,
 * not the entries.
 */
public final class CopyComparison {
    /** How many keys of each kind of difference a result keeps. */
    static final int EXAMPLES = 5;

    /** Counts of what matched and what did not, with the first few keys of each difference. */
    public record Result(
            long expected,
            long held,
            long missing,
            long extra,
            long different,
            List<String> missingKeys,
            List<String> extraKeys,
            List<String> differentKeys) {
        public boolean equal() {
            return missing == 0 && extra == 0 && different == 0;
        }
    }

    private final Map<String, String> held = new HashMap<>();
    private final List<String> missingKeys = new ArrayList<>();
    private final List<String> differentKeys = new ArrayList<>();
    private long heldCount;
    private long expected;
    private long missing;
    private long different;

    /** The copy holds {@code digest} under {@code key}. */
    void held(String key, String digest) {
        held.put(key, digest);
        heldCount++;
    }

    /** The copy should hold {@code digest} under {@code key}; call after every {@link #held}. */
    void expected(String key, String digest) {
        expected++;
        String found = held.remove(key);
        if (found == null) {
            missing++;
            keep(missingKeys, key);
        } else if (!found.equals(digest)) {
            different++;
            keep(differentKeys, key);
        }
    }

    Result result() {
        List<String> extraKeys = held.keySet().stream().sorted().limit(EXAMPLES).toList();
        return new Result(
                expected,
                heldCount,
                missing,
                held.size(),
                different,
                List.copyOf(missingKeys),
                extraKeys,
                List.copyOf(differentKeys));
    }

    private static void keep(List<String> keys, String key) {
        if (keys.size() < EXAMPLES) {
            keys.add(key);
        }
    }
}
