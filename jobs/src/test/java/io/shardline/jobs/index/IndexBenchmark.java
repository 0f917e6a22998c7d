package io.shardline.jobs.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.sink.opensearch.OpenSearchConnection;
import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.jobs.bench.CatalogueTable;
import io.shardline.jobs.flink.LocalFlinkCluster;
import io.shardline.jobs.flink.LocalWebOptions;
import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.search.SearchIndexAdmin;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.configuration.Configuration;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The index job against OpenSearch's own client, in one run, with the engine's server and one
 * OpenSearch node on loopback:
 * <ol>
 *   <li>Snapshot: a table of {@code items} items is copied into a fresh index by a plain
 *   single-threaded loop of opensearch-java bulk requests (1,000 documents each, the sink's default,
 *   with external versions; documents made beforehand, not timed), and by the index job (parallelism
 *   2, Scan over the wire, defaults). Two rounds, best of each. Prints documents/s of both, the
 *   job's from submission to the last document searchable, and the ratio.</li>
 *   <li>Freshness: PutItem at {@code rate} writes/s for {@code seconds} into a table the job follows
 *   (index refresh interval 1 s), through a proxy that notes when OpenSearch acknowledged each
 *   document; prints p50/p99/max from each write's acknowledgement to a search finding it, split at
 *   OpenSearch's bulk acknowledgement (first two seconds left out as warm-up).</li>
 * </ol>
 * Arguments: items (default 200000; 0 leaves the snapshot out), rate (default 500), seconds (default
 * 30). System property
 * {@code opensearch.home} names the unpacked OpenSearch, as for the tests.
 */
public final class IndexBenchmark {
    private static final int BULK = 1_000;

    private IndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        OpenSearchNode node = OpenSearchNode.shared();
        Configuration flink = new Configuration();
        try (Engine engine = Engine.open(EngineConfig.inMemory());
                ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, LocalWebOptions.anyFreePort(), System.out);
                SearchIndexAdmin admin = new SearchIndexAdmin(OpenSearchConnection.to(node.url()))) {
            CatalogueTable.create(engine, "Items");
            for (int i = 0; i < items; i++) {
                engine.putItem(PutItem.Request.of("Items", CatalogueTable.item(i)));
            }
            double plain = 0;
            double job = 0;
            for (int round = 1; round <= 2 && items > 0; round++) {
                IndexOptions options = options(server.endpoint(), node.url(), "Items", "job-" + round);
                double plainRound = plainLoop(options, admin, items, "plain-" + round);
                double jobRound = job(options, admin, cluster, flink, items);
                System.out.printf(
                        "round %d: plain bulk loop %.0f documents/s, index job %.0f documents/s%n",
                        round, plainRound, jobRound);
                plain = Math.max(plain, plainRound);
                job = Math.max(job, jobRound);
            }
            if (items > 0) {
                System.out.printf(
                        "snapshot of %d items: plain bulk loop %.0f documents/s, index job %.0f "
                                + "documents/s (submission to last document searchable), ratio %.2f%n",
                        items, plain, job, job / plain);
            }
            CatalogueTable.create(engine, "Fresh");
            freshness(
                    engine,
                    node,
                    admin,
                    cluster,
                    flink,
                    options(server.endpoint(), node.url(), "Fresh", "fresh"),
                    rate,
                    seconds);
        }
        System.exit(0);
    }

    private static IndexOptions options(String endpoint, String url, String table, String index) {
        IndexOptions options = new IndexOptions();
        options.connection.endpoint = endpoint;
        options.connection.accessKey = "bench";
        options.connection.secretKey = "bench";
        options.search.urls = List.of(url);
        options.table = table;
        options.index = index;
        options.copy.run.progressInterval = Duration.ofHours(1);
        options.deadLetters = Path.of(System.getProperty("java.io.tmpdir"), "shardline-bench-dead-letters")
                .toString();
        return options;
    }

    /** Documents/s of one thread sending bulk requests of the table's documents, made beforehand. */
    private static double plainLoop(IndexOptions options, SearchIndexAdmin admin, int items, String index)
            throws Exception {
        List<String> ids = new ArrayList<>(items);
        List<JsonNode> sources = new ArrayList<>(items);
        try (DynamoDbClient table = options.connection.settings().createTableClient()) {
            ItemDocuments converter = new ItemDocuments(List.of("id"), options.metadataField);
            for (Map<String, AttributeValue> item :
                    table.scanPaginator(r -> r.tableName(options.table)).items()) {
                ids.add(converter.id(item));
                sources.add(SearchIndexAdmin.JSON.readTree(converter.source(item, Map.of("event", "SNAPSHOT"))));
            }
        }
        admin.createForItems(index, options.metadataField, options.typedField);
        OpenSearchClient client = options.search.connection().createClient();
        long started = System.nanoTime();
        for (int from = 0; from < ids.size(); from += BULK) {
            List<BulkOperation> operations = new ArrayList<>(BULK);
            for (int i = from; i < Math.min(ids.size(), from + BULK); i++) {
                String id = ids.get(i);
                JsonNode source = sources.get(i);
                operations.add(BulkOperation.of(o -> o.index(x ->
                        x.id(id).version(1L).versionType(VersionType.External).document(source))));
            }
            BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("plain loop: a bulk request had errors");
            }
        }
        admin.refresh(index);
        double seconds = (System.nanoTime() - started) / 1e9;
        client._transport().close();
        if (admin.count(index) != items) {
            throw new IllegalStateException("plain loop indexed " + admin.count(index) + " of " + items);
        }
        return items / seconds;
    }

    /** Documents/s of the index job's snapshot, from submission until every document is searchable. */
    private static double job(
            IndexOptions options, SearchIndexAdmin admin, LocalFlinkCluster cluster, Configuration flink, int items)
            throws Exception {
        long started = System.nanoTime();
        try (IndexJob.Running running = IndexJob.start(
                options,
                cluster.environment(flink),
                cluster.webUrl(),
                quiet(),
                Clock.systemUTC(),
                RunState.inMemory(false))) {
            while (count(admin, options.index) < items) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            running.job().cancel().get();
            return items / seconds;
        }
    }

    private static long count(SearchIndexAdmin admin, String index) {
        admin.refresh(index);
        return admin.count(index);
    }

    private static void freshness(
            Engine engine,
            OpenSearchNode node,
            SearchIndexAdmin admin,
            LocalFlinkCluster cluster,
            Configuration flink,
            IndexOptions options,
            int rate,
            int seconds)
            throws Exception {
        options.copy.noSnapshot = true;
        BulkRecorderProxy proxy = new BulkRecorderProxy(node.url());
        options.search.urls = List.of(proxy.url());
        admin.createForItems(options.index, options.metadataField, options.typedField);
        node.request("PUT", "/" + options.index + "/_settings", "{\"index.refresh_interval\":\"1s\"}");
        try (IndexJob.Running running = IndexJob.start(
                options,
                cluster.environment(flink),
                cluster.webUrl(),
                quiet(),
                Clock.systemUTC(),
                RunState.inMemory(false))) {
            engine.putItem(PutItem.Request.of(options.table, CatalogueTable.item(-1)));
            while (count(admin, options.index) < 1) {
                Thread.sleep(50);
            }
            int total = rate * seconds;
            long[] written = new long[total];
            Map<Integer, Long> seen = new ConcurrentHashMap<>();
            Thread poller = new Thread(() -> poll(node, options.index, total, seen), "freshness-poller");
            poller.start();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                engine.putItem(PutItem.Request.of(options.table, CatalogueTable.item(i)));
                written[i] = System.nanoTime();
            }
            poller.join(Duration.ofMinutes(2).toMillis());
            running.job().cancel().get();
            long[] searchable = new long[total - 2 * rate];
            long[] indexed = new long[total - 2 * rate];
            long[] visible = new long[total - 2 * rate];
            for (int i = 2 * rate; i < total; i++) {
                Long at = seen.get(i);
                long acknowledged = proxy.firstAcceptedNanos("item-" + i);
                searchable[i - 2 * rate] = at == null ? Long.MAX_VALUE : at - written[i];
                indexed[i - 2 * rate] = acknowledged < 0 ? Long.MAX_VALUE : acknowledged - written[i];
                visible[i - 2 * rate] = at == null || acknowledged < 0 ? Long.MAX_VALUE : at - acknowledged;
            }
            proxy.close();
            System.out.printf(
                    "freshness at %d writes/s for %d s (refresh interval 1 s): write to searchable %s; "
                            + "write to OpenSearch's bulk acknowledgement %s; acknowledgement to searchable %s%n",
                    rate, seconds, percentiles(searchable), percentiles(indexed), percentiles(visible));
        }
    }

    private static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return String.format(
                "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    /** Searches for items not yet seen, every 20 ms, and notes when each is first found. */
    private static void poll(OpenSearchNode node, String index, int total, Map<Integer, Long> seen) {
        int lowest = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (seen.size() < total && System.nanoTime() < deadline) {
            JsonNode hits = node.request(
                            "POST",
                            "/" + index + "/_search",
                            "{\"size\":10000,\"_source\":false,"
                                    + "\"docvalue_fields\":[\"n\"],\"track_total_hits\":false,"
                                    + "\"query\":{\"range\":{\"n\":{\"gte\":" + lowest + "}}}}")
                    .path("hits")
                    .path("hits");
            long now = System.nanoTime();
            for (JsonNode hit : hits) {
                seen.putIfAbsent(hit.path("fields").path("n").path(0).asInt(), now);
            }
            while (seen.containsKey(lowest)) {
                lowest++;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
