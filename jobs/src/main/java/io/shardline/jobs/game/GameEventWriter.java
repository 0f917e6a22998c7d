package io.shardline.jobs.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes generated events into the events table at a steady rate, in BatchWriteItem requests of up to
 * 25 (unprocessed items are sent again), until stopped or a number of events is written. Several
 * threads may run the same writer to reach rates one thread's round trips cannot; the rate can change
 * while it runs.
 */
public final class GameEventWriter implements Runnable {
    private final DynamoDbClient client;
    private final String table;
    private final GameEventGenerator generator;
    private final long limit;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile Pace pace;
    private volatile boolean stopped;

    /** The schedule: event number {@code fromEvent} is due at {@code fromNanos}, then {@code perSecond} a second. */
    private record Pace(long fromNanos, long fromEvent, int perSecond) {}

    /**
     * @param perSecond events per second; 0 for as fast as the table takes them
     * @param limit     stop after this many events; 0 for no limit
     */
    public GameEventWriter(
            DynamoDbClient client, String table, GameEventGenerator generator, int perSecond, long limit) {
        this.client = client;
        this.table = table;
        this.generator = generator;
        this.limit = limit;
        this.pace = new Pace(System.nanoTime(), 0, perSecond);
    }

    /** Writes batches until stopped or the limit is reached; any number of threads may run it at once. */
    @Override
    public void run() {
        while (!stopped) {
            Pace current = pace;
            int size = current.perSecond() > 0 ? Math.min(25, Math.max(1, current.perSecond() / 100)) : 25;
            long first = claimed.getAndAdd(size);
            if (limit > 0 && first >= limit) {
                return;
            }
            if (limit > 0) {
                size = (int) Math.min(size, limit - first);
            }
            if (current.perSecond() > 0) {
                long due = current.fromNanos() + (first - current.fromEvent()) * 1_000_000_000L / current.perSecond();
                LockSupport.parkNanos(due - System.nanoTime());
            }
            List<WriteRequest> batch = new ArrayList<>(size);
            synchronized (generator) {
                for (int i = 0; i < size; i++) {
                    batch.add(WriteRequest.builder()
                            .putRequest(p -> p.item(generator.next().toItem()))
                            .build());
                }
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
            written.addAndGet(size);
        }
    }

    /** Writes {@code perSecond} events a second from now on (0: as fast as the table takes them). */
    public void rate(int perSecond) {
        pace = new Pace(System.nanoTime(), claimed.get(), perSecond);
    }

    /** Events acknowledged so far. */
    public long written() {
        return written.get();
    }

    public void stop() {
        stopped = true;
    }
}
