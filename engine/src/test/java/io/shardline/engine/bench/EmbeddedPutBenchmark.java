package io.shardline.engine.bench;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.ItemKeys;
import io.shardline.engine.storage.Store;
import io.shardline.engine.testing.Items;
import io.shardline.items.AttributeValue;
import io.shardline.items.json.DynamoDbJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Embedded PutItem throughput (durable, 1 KB items, several writer threads) against the raw limit:
 * the same key and value bytes committed straight into the same store with the same sync policy.
 * Prints both rates and their ratio. Arguments: seconds per run (default 10), threads (default 4).
 */
public final class EmbeddedPutBenchmark {
    private static final String PAYLOAD = "x".repeat(1000);

    private EmbeddedPutBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double[] ours = new double[2];
        double[] raw = new double[2];
        for (int round = 0; round < 2; round++) {
            raw[round] = runRaw(seconds, threads);
            ours[round] = runEngine(seconds, threads);
            System.out.printf(
                    "round %d: raw store %.0f puts/s, engine PutItem %.0f puts/s%n",
                    round + 1, raw[round], ours[round]);
        }
        double bestOurs = Math.max(ours[0], ours[1]);
        double bestRaw = Math.max(raw[0], raw[1]);
        System.out.printf(
                "embedded PutItem, 1 KB items, %d threads, durable (sync per commit): engine %.0f puts/s, "
                        + "raw store %.0f puts/s, ratio %.2f%n",
                threads, bestOurs, bestRaw, bestOurs / bestRaw);
    }

    private static Map<String, AttributeValue> item(int thread, long i) {
        return Map.of("id", new AttributeValue.S("w" + thread + "-" + i), "payload", new AttributeValue.S(PAYLOAD));
    }

    private static double runEngine(int seconds, int threads) throws Exception {
        Path dir = Files.createTempDirectory("shardline-bench-engine");
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            Items.createTable(engine, "Bench", 4, "id:S");
            return Throughput.measure(
                    seconds, threads, (thread, i) -> engine.putItem(PutItem.Request.of("Bench", item(thread, i))));
        } finally {
            Throughput.deleteTree(dir);
        }
    }

    private static double runRaw(int seconds, int threads) throws Exception {
        Path dir = Files.createTempDirectory("shardline-bench-raw");
        try (Store store = Store.openDurable(dir)) {
            return Throughput.measure(seconds, threads, (thread, i) -> {
                Map<String, AttributeValue> item = item(thread, i);
                byte[] key = ItemKeys.item(1, ItemKeys.keyBytes(item.get("id")), new byte[0]);
                try (Batch batch = store.batch()) {
                    batch.put(Family.ITEMS, key, DynamoDbJson.writeItem(item));
                    store.commit(batch);
                }
            });
        } finally {
            Throughput.deleteTree(dir);
        }
    }
}
