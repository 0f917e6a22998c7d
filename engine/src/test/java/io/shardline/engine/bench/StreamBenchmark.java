package io.shardline.engine.bench;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.testing.Items;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cost of a stream: durable PutItem throughput (1 KB items, several threads, keys rewritten so
 * most changes are MODIFYs carrying both images) on a table with a NEW_AND_OLD_IMAGES stream against
 * the same workload without a stream, and then GetRecords read throughput over the whole stream.
 * Arguments: seconds per run (default 10), threads (default 4).
 */
public final class StreamBenchmark {
    private static final String PAYLOAD = "x".repeat(1000);
    private static final int KEYS_PER_THREAD = 2000;

    private StreamBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double bestWithout = 0;
        double bestWith = 0;
        double bestRead = 0;
        for (int round = 1; round <= 2; round++) {
            double without = run(seconds, threads, null)[0];
            double[] with = run(seconds, threads, "NEW_AND_OLD_IMAGES");
            System.out.printf(
                    "round %d: without stream %.0f puts/s, with stream %.0f puts/s, GetRecords %.0f records/s%n",
                    round, without, with[0], with[1]);
            bestWithout = Math.max(bestWithout, without);
            bestWith = Math.max(bestWith, with[0]);
            bestRead = Math.max(bestRead, with[1]);
        }
        System.out.printf(
                "PutItem, 1 KB items, %d threads, durable: with NEW_AND_OLD_IMAGES stream %.0f puts/s, "
                        + "without %.0f puts/s, ratio %.2f; GetRecords (Limit 1000) %.0f records/s%n",
                threads, bestWith, bestWithout, bestWith / bestWithout, bestRead);
    }

    /** Put throughput, and (with a stream) the read throughput of everything the run appended. */
    private static double[] run(int seconds, int threads, String viewType) throws Exception {
        Path dir = Files.createTempDirectory("shardline-bench-stream");
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            String arn = engine.createTable(Items.tableWithStream("Bench", 4, viewType, "id:S"))
                    .tableDescription()
                    .latestStreamArn();
            double puts = Throughput.measure(
                    seconds,
                    threads,
                    (thread, i) -> engine.putItem(PutItem.Request.of(
                            "Bench",
                            Map.of(
                                    "id",
                                    new AttributeValue.S("w" + thread + "-" + (i % KEYS_PER_THREAD)),
                                    "version",
                                    new AttributeValue.N(DynamoNumber.of(i)),
                                    "payload",
                                    new AttributeValue.S(PAYLOAD)))));
            if (arn == null) {
                return new double[] {puts, 0};
            }
            long start = System.nanoTime();
            int records = StreamReading.readAll(engine, arn).size();
            double reads = records / ((System.nanoTime() - start) / 1e9);
            return new double[] {puts, reads};
        } finally {
            Throughput.deleteTree(dir);
        }
    }
}
