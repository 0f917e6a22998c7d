package io.shardline.engine.bench;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.GlobalSecondaryIndex;
import io.shardline.engine.api.IndexProjection;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Tag;
import io.shardline.items.AttributeValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Durable PutItem throughput on a table with two global secondary indexes against the same table
 * without indexes, in one run: 1 KB items, several writer threads, each rewriting its own keys so
 * that index entries move (the category and owner change with every write). Index byCategory
 * (category, rank) projects ALL; byOwner (owner) projects KEYS_ONLY. Two rounds each, best of each.
 * Arguments: seconds per run (default 10), threads (default 4).
 */
public final class IndexedPutBenchmark {
    private static final String PAYLOAD = "x".repeat(1000);
    private static final int KEYS_PER_THREAD = 2000;

    private IndexedPutBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double plain = 0;
        double indexed = 0;
        for (int round = 1; round <= 2; round++) {
            double plainRound = run(seconds, threads, false);
            double indexedRound = run(seconds, threads, true);
            System.out.printf(
                    "round %d: without indexes %.0f puts/s, with two GSIs %.0f puts/s%n",
                    round, plainRound, indexedRound);
            plain = Math.max(plain, plainRound);
            indexed = Math.max(indexed, indexedRound);
        }
        System.out.printf(
                "durable PutItem, 1 KB items, %d threads: without indexes %.0f puts/s, with two GSIs "
                        + "%.0f puts/s, ratio %.2f%n",
                threads, plain, indexed, indexed / plain);
    }

    private static double run(int seconds, int threads, boolean withIndexes) throws Exception {
        Path dir = Files.createTempDirectory("shardline-bench-indexes");
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            engine.createTable(table(withIndexes));
            return Throughput.measure(
                    seconds,
                    threads,
                    (thread, i) -> engine.putItem(PutItem.Request.of(
                            "Bench",
                            Map.of(
                                    "id",
                                    new AttributeValue.S("w" + thread + "-" + (i % KEYS_PER_THREAD)),
                                    "category",
                                    new AttributeValue.S("c" + (i % 50)),
                                    "rank",
                                    AttributeValue.N.of(Long.toString(i)),
                                    "owner",
                                    new AttributeValue.S("o" + (i % 977)),
                                    "payload",
                                    new AttributeValue.S(PAYLOAD)))));
        } finally {
            Throughput.deleteTree(dir);
        }
    }

    private static CreateTable.Request table(boolean withIndexes) {
        List<Tag> tags = List.of(new Tag("shardline:partitions", "4"));
        KeySchemaElement id = new KeySchemaElement("id", "HASH");
        if (!withIndexes) {
            return new CreateTable.Request(
                    "Bench",
                    List.of(new AttributeDefinition("id", "S")),
                    List.of(id),
                    "PAY_PER_REQUEST",
                    null,
                    tags,
                    null);
        }
        return new CreateTable.Request(
                "Bench",
                List.of(
                        new AttributeDefinition("id", "S"),
                        new AttributeDefinition("category", "S"),
                        new AttributeDefinition("rank", "N"),
                        new AttributeDefinition("owner", "S")),
                List.of(id),
                "PAY_PER_REQUEST",
                null,
                tags,
                null,
                List.of(
                        new GlobalSecondaryIndex(
                                "byCategory",
                                List.of(
                                        new KeySchemaElement("category", "HASH"),
                                        new KeySchemaElement("rank", "RANGE")),
                                new IndexProjection("ALL", null),
                                null),
                        new GlobalSecondaryIndex(
                                "byOwner",
                                List.of(new KeySchemaElement("owner", "HASH")),
                                new IndexProjection("KEYS_ONLY", null),
                                null)),
                null);
    }
}
