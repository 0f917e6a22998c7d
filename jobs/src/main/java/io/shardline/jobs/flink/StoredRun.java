package io.shardline.jobs.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a state directory's state belongs to: the identity of the command that made it (the settings
 * that decide what the job reads and writes, by option name) and the facts a resumed run builds the
 * same job from (such as the snapshot's handoff time, or a cleanup still to do).
 */
public record StoredRun(Map<String, String> identity, Map<String, String> facts) {
    public StoredRun {
        identity = Map.copyOf(identity);
        facts = Map.copyOf(facts);
    }

    /** How {@code other} differs from this identity, one phrase per setting: {@code --table was Orders, now Users}. */
    public List<String> differences(Map<String, String> other) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(identity.keySet());
        names.addAll(other.keySet());
        for (String name : names) {
            String was = identity.get(name);
            String now = other.get(name);
            if (was == null ? now != null : !was.equals(now)) {
                differences.add(name + " was " + shown(was) + ", now " + shown(now));
            }
        }
        return differences;
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "not given" : value;
    }
}
