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
 * 25 (unprocessed items are sent again), until stopped or a number of events is written.
 */
public final class GameEventWriter implements Runnable {
    private final DynamoDbClient client;
    private final String table;
    private final GameEventGenerator generator;
    private final int perSecond;
    private final long limit;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean stopped;

    /**
     * @param perSecond events per second; 0 for as fast as the table takes them
     * @param limit     stop after this many events; 0 for no limit
     */
    public GameEventWriter(DynamoDbClient client, String table, GameEventGenerator generator, int perSecond, long limit) {
        this.client = client;
        this.table = table;
        this.generator = generator;
        this.perSecond = perSecond;
        this.limit = limit;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        while (!stopped && (limit == 0 || written.get() < limit)) {
            int size = (int) Math.min(25, limit == 0 ? 25 : limit - written.get());
            if (perSecond > 0) {
                size = Math.min(size, Math.max(1, perSecond / 100));
                long due = started + written.get() * 1_000_000_000L / perSecond;
                LockSupport.parkNanos(due - System.nanoTime());
            }
            List<WriteRequest> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(WriteRequest.builder().putRequest(p -> p.item(generator.next().toItem())).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
            written.addAndGet(size);
        }
    }

    /** Events acknowledged so far. */
    public long written() {
        return written.get();
    }

    public void stop() {
        stopped = true;
    }
}
