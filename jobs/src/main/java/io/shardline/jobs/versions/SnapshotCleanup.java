package io.shardline.jobs.versions;

import io.shardline.jobs.flink.RunState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Makes a copy that held data before its snapshot (an earlier run whose state is gone, {@code --fresh},
 * a snapshot taken again) converge: once the snapshot is complete (the Scan finished and a checkpoint
 * taken after that completed, so the sink acknowledged every scanned item), every entry whose version
 * is below the handoff's was written by an earlier run and not again by this snapshot, so the table
 * no longer holds it (or the filter no longer selects it): it is removed, each removal guarded by
 * that version, so nothing written after the handoff is touched. Which copies are due is a fact of
 * the run, so a resumed run finishes a cleanup its predecessor did not.
 */
public final class SnapshotCleanup {
    private static final String FACT = "cleanup";
    private final RunState run;
    private final List<Copy> due;
    private final long version;
    private final PrintStream out;
    private final AtomicLong removed = new AtomicLong();
    private long snapshotDoneAtMillis = -1;
    private volatile boolean running;
    private volatile boolean done;

    /** A copy a cleanup removes from. */
    public interface Copy {
        /** What progress lines call it. */
        String name();

        /** Removes every entry whose version is below {@code version}, each removal guarded by it, counting them. */
        void removeOlderThan(long version, AtomicLong removed) throws Exception;
    }

    private SnapshotCleanup(RunState run, List<Copy> due, long version, PrintStream out) {
        this.run = run;
        this.due = due;
        this.version = version;
        this.out = out;
        this.done = due.isEmpty();
    }

    /** Writes down, starting fresh, which of the run's copies (numbered from 1) held data before its snapshot. */
    static void schedule(RunState run, List<Integer> copies) {
        run.remember(FACT, copies.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The cleanup of the copies the run has due, of {@code copies} in the run's order. */
    public static SnapshotCleanup of(RunState run, List<Copy> copies, SnapshotHandoff handoff, PrintStream out) {
        List<Copy> due = new ArrayList<>();
        for (String number : run.fact(FACT).orElse("").split(",")) {
            if (!number.isEmpty()) {
                due.add(copies.get(Integer.parseInt(number) - 1));
            }
        }
        return new SnapshotCleanup(run, due, handoff.version(), out);
    }

    /**
     * Starts the cleanup, on a thread of its own, once the snapshot is complete: {@code snapshotDone}
     * seen at one tick and a checkpoint triggered after that tick completed.
     */
    public void tick(boolean snapshotDone, long latestCheckpointMillis, long nowMillis) {
        if (done || running) {
            return;
        }
        if (snapshotDoneAtMillis < 0) {
            snapshotDoneAtMillis = snapshotDone ? nowMillis : -1;
            return;
        }
        if (latestCheckpointMillis > snapshotDoneAtMillis) {
            running = true;
            Thread cleaning = new Thread(this::clean, "snapshot-cleanup");
            cleaning.setDaemon(true);
            cleaning.start();
        }
    }

    private void clean() {
        try {
            for (Copy copy : due) {
                copy.removeOlderThan(version, removed);
            }
            run.remember(FACT, "");
            out.println("Snapshot complete: removed " + removed.get() + " entries that the table no longer holds from "
                    + due.stream().map(Copy::name).collect(Collectors.joining(" and ")));
            // after the line: whoever sees the cleanup done (a progress line, a test) sees the line printed
            done = true;
        } catch (Exception e) {
            out.println("Removing what the table no longer holds failed, tried again at the next progress tick: " + e);
        } finally {
            running = false;
        }
    }

    /** What a progress line adds: the removals so far, while a cleanup is due or has run in this process. */
    public String progress() {
        if (due.isEmpty()) {
            return "";
        }
        if (done) {
            return String.format(" | cleanup: removed %,d", removed.get());
        }
        return running
                ? String.format(" | cleanup: removing, %,d so far", removed.get())
                : " | cleanup: once the snapshot is complete";
    }
}
