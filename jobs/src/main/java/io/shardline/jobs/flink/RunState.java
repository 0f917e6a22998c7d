package io.shardline.jobs.flink;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a durable job's run starts from: fresh, or resumed from a checkpoint with the facts the run it
 * resumes wrote down (such as its snapshot's handoff), which the job uses to build the same job
 * again. A job writes down its facts here, in its state directory, before it is submitted, and
 * updates them as they change (a cleanup done). Submitted to a Flink cluster, a run is resumed when
 * it restores a savepoint, and its facts live only as long as its process.
 */
public final class RunState {
    private final StateDirectory states;
    private final boolean resumed;
    private final int snapshotsAgain;
    private StoredRun stored;

    private RunState(StateDirectory states, StoredRun stored, boolean resumed, int snapshotsAgain) {
        this.states = states;
        this.stored = stored;
        this.resumed = resumed;
        this.snapshotsAgain = snapshotsAgain;
    }

    /** A first run, or one starting over: the identity is written down now, with no facts yet. */
    static RunState fresh(StateDirectory states, Map<String, String> identity, int snapshotsAgain) {
        RunState run = new RunState(states, new StoredRun(identity, Map.of()), false, snapshotsAgain);
        states.store(run.stored);
        return run;
    }

    static RunState resumed(StateDirectory states, StoredRun stored, int snapshotsAgain) {
        return new RunState(states, stored, true, snapshotsAgain);
    }

    /**
     * A run without a state directory, whose facts live as long as its process: on a Flink cluster,
     * resumed when it restores a savepoint; or a job run from code.
     */
    public static RunState inMemory(boolean resumed) {
        return new RunState(null, new StoredRun(Map.of(), Map.of()), resumed, 0);
    }

    /** Whether the job resumes from a checkpoint or savepoint of an earlier run. */
    public boolean resumed() {
        return resumed;
    }

    /** A fact the run (or, resumed, the run it resumes) wrote down. */
    public synchronized Optional<String> fact(String name) {
        return Optional.ofNullable(stored.facts().get(name));
    }

    /** Writes a fact down, in the state directory when there is one, before this returns. */
    public synchronized void remember(String name, String value) {
        Map<String, String> facts = new HashMap<>(stored.facts());
        facts.put(name, value);
        stored = new StoredRun(stored.identity(), facts);
        if (states != null) {
            states.store(stored);
        }
    }

    /** How often this process started the job over because its stream no longer held its position. */
    public int snapshotsAgain() {
        return snapshotsAgain;
    }
}
