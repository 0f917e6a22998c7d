package io.shardline.engine.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the server answers instead of running an operation: the next N calls of an operation, or a
 * fraction of them, get an error, a dropped connection or a delay. Thread-safe.
 */
public final class FaultInjector {
    /** What a faulty call gets. */
    public enum Kind {
        /** 500 InternalServerError. */
        INTERNAL_SERVER_ERROR,
        /** 400 ThrottlingException. */
        THROTTLING,
        /** 400 ProvisionedThroughputExceededException. */
        PROVISIONED_THROUGHPUT_EXCEEDED,
        /** 400 LimitExceededException (DynamoDB Streams' answer to too many reads of a shard). */
        LIMIT_EXCEEDED,
        /** The connection is closed without an answer. */
        DROP_CONNECTION,
        /** The call runs and answers after a delay. */
        DELAY
    }

    /**
     * One fault: for {@code operation} (an operation name such as {@code GetRecords}, or {@code *}),
     * the next {@code remaining} calls (or, when {@code fraction} is positive, that share of calls
     * until cleared) get {@code kind}; {@code delayMillis} for {@link Kind#DELAY}.
     */
    public record Fault(String operation, Kind kind, int remaining, double fraction, long delayMillis) {
        boolean matches(String name) {
            return operation.equals("*") || operation.equals(name);
        }
    }

    private final List<Fault> faults = new ArrayList<>();
    /** Whether any fault is pending: lets {@link #next} answer most calls without taking the lock. */
    private volatile boolean armed;

    public synchronized void add(Fault fault) {
        if (fault.remaining() <= 0 && (fault.fraction() <= 0 || fault.fraction() > 1)) {
            throw new IllegalArgumentException("A fault needs a Count above 0 or a Fraction in (0, 1]");
        }
        faults.add(fault);
        armed = true;
    }

    public synchronized void clear() {
        faults.clear();
        armed = false;
    }

    /** The faults still pending. */
    public synchronized List<Fault> pending() {
        return List.copyOf(faults);
    }

    /** The fault the next call of {@code operation} gets, or null: counted faults first, in order. */
    public Fault next(String operation) {
        return armed ? take(operation) : null;
    }

    private synchronized Fault take(String operation) {
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            if (!fault.matches(operation)) {
                continue;
            }
            if (fault.fraction() > 0) {
                if (ThreadLocalRandom.current().nextDouble() < fault.fraction()) {
                    return fault;
                }
                continue;
            }
            if (fault.remaining() == 1) {
                faults.remove(i);
                armed = !faults.isEmpty();
            } else {
                faults.set(
                        i, new Fault(fault.operation(), fault.kind(), fault.remaining() - 1, 0, fault.delayMillis()));
            }
            return fault;
        }
        return null;
    }
}
