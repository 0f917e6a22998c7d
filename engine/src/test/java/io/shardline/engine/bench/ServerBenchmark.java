package io.shardline.engine.bench;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.launcher.EngineLauncher;
import io.shardline.engine.testing.Items;
import io.shardline.items.AttributeValue;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * PutItem and GetItem throughput and p50/p99 latency with 16 client threads and 1 KB items, measured in
 * one run against: the embedded API with the same workload (the limit); Shardline's server in its own
 * process (durable, NEW_AND_OLD_IMAGES stream); and dynalite from the npm registry (LevelDB, no streams;
 * also its own process). Both servers are driven by the AWS SDK v2 client and then by wrk with the
 * same requests ({@link WrkLoad}), which costs the shared CPUs far less than the SDK, so the second
 * pair shows the servers rather than the client. Each target is warmed up until the JIT compilers have
 * settled (see {@link #warmUp}). The benchmark installs dynalite under engine/target/bench-tools and
 * Debian's wrk itself.
 * Arguments: seconds per phase (default 10), threads (default 16).
 */
public final class ServerBenchmark {
    static final String PAYLOAD = "x".repeat(1000);
    private static final String DYNALITE_VERSION = "4.0.0";
    private static final int WARM_UP_ROUND_SECONDS = 4;
    private static final int MAX_WARM_UP_ROUNDS = 30;

    private ServerBenchmark() {}

    /**
     * One target's put and get results (latencies in milliseconds); {@code putCpuMicros} and
     * {@code getCpuMicros} are the server's CPU time (its process and any child process) per PutItem
     * and per GetItem; for the embedded API, this process's CPU per call (the engine and the calling
     * loop): the floor under any server's figure.
     */
    record Result(
            String name,
            double putsPerSecond,
            double putP50,
            double putP99,
            double getsPerSecond,
            double getP50,
            double getP99,
            double putCpuMicros,
            double getCpuMicros) {
        String row() {
            return String.format(
                    "| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %s | %s |",
                    name,
                    putsPerSecond,
                    putP50,
                    putP99,
                    getsPerSecond,
                    getP50,
                    getP99,
                    micros(putCpuMicros),
                    micros(getCpuMicros));
        }

        private static String micros(double value) {
            return value == 0 ? "-" : String.format("%.0f", value);
        }
    }

    interface Store {
        void put(String id);

        void get(String id);
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Result embedded = embedded(seconds, threads);
        Result[] server = server(seconds, threads);
        Result[] dynalite = dynalite(seconds, threads);
        System.out.println(
                "| target | puts/s | put p50 ms | put p99 ms | gets/s | get p50 ms | get p99 ms | server CPU "
                        + "us/put | server CPU us/get |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result result : new Result[] {embedded, server[0], dynalite[0], server[1], dynalite[1]}) {
            System.out.println(result.row());
        }
        String[] clients = {"AWS SDK v2", "wrk"};
        for (int c = 0; c < 2; c++) {
            System.out.printf(
                    "%s client: server vs dynalite: puts %.2fx, gets %.2fx, server CPU %.2fx less per PutItem "
                            + "(goal 3), %.2fx less per GetItem (goal 4); server vs embedded: durable puts %.2f (goal 0.8 "
                            + "with wrk), gets %.2f%n",
                    clients[c],
                    server[c].putsPerSecond() / dynalite[c].putsPerSecond(),
                    server[c].getsPerSecond() / dynalite[c].getsPerSecond(),
                    dynalite[c].putCpuMicros() / server[c].putCpuMicros(),
                    dynalite[c].getCpuMicros() / server[c].getCpuMicros(),
                    server[c].putsPerSecond() / embedded.putsPerSecond(),
                    server[c].getsPerSecond() / embedded.getsPerSecond());
        }
    }

    private static Result run(String name, int seconds, int threads, Store store, long serverPid)
            throws InterruptedException {
        warmUp(name, threads, store, serverPid);
        double cpuBefore = ProcessCpu.millis(serverPid);
        LatencyRecorder puts = new LatencyRecorder();
        long[] written = new long[threads];
        double putRate = timed(seconds, threads, puts, (thread, i) -> {
            store.put("t" + thread + "-" + i);
            written[thread] = i + 1;
        });
        double cpuBetween = ProcessCpu.millis(serverPid);
        LatencyRecorder gets = new LatencyRecorder();
        double getRate =
                timed(seconds, threads, gets, (thread, i) -> store.get("t" + thread + "-" + (i % written[thread])));
        double cpuAfter = ProcessCpu.millis(serverPid);
        return new Result(
                name,
                putRate,
                puts.percentileMillis(0.5),
                puts.percentileMillis(0.99),
                getRate,
                gets.percentileMillis(0.5),
                gets.percentileMillis(0.99),
                (cpuBetween - cpuBefore) * 1000 / puts.count(),
                (cpuAfter - cpuBetween) * 1000 / gets.count());
    }

    /**
     * Puts and gets in rounds until the JIT compilers of this process (the client, or the embedded
     * engine) and of the server process have settled: a round in which they used under 2% of the
     * machine's CPU. The result is the steady state a long-running server reaches.
     */
    private static void warmUp(String name, int threads, Store store, long serverPid) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        double budget = WARM_UP_ROUND_SECONDS * 1000 * Runtime.getRuntime().availableProcessors() * 0.02;
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            double compilingBefore = compilerMillis(self, serverPid);
            Throughput.measure(WARM_UP_ROUND_SECONDS / 2, threads, (thread, i) -> store.put("warm" + thread + "-" + i));
            Throughput.measure(
                    WARM_UP_ROUND_SECONDS / 2, threads, (thread, i) -> store.get("warm" + thread + "-" + i / 2));
            double compiling = compilerMillis(self, serverPid) - compilingBefore;
            System.err.printf("%s: warm-up round %d, JIT compilers used %.0f ms of CPU%n", name, round, compiling);
            if (compiling < budget) {
                return;
            }
        }
    }

    private static double compilerMillis(long self, long serverPid) {
        return ProcessCpu.compilerMillis(self) + (serverPid == self ? 0 : ProcessCpu.compilerMillis(serverPid));
    }

    private static double timed(int seconds, int threads, LatencyRecorder latencies, Throughput.Operation operation)
            throws InterruptedException {
        long[][] perThread = new long[threads][];
        int[] counts = new int[threads];
        double rate = Throughput.measure(seconds, threads, (thread, i) -> {
            if (perThread[thread] == null || counts[thread] == perThread[thread].length) {
                perThread[thread] = perThread[thread] == null
                        ? new long[1 << 14]
                        : Arrays.copyOf(perThread[thread], perThread[thread].length * 2);
            }
            long start = System.nanoTime();
            operation.run(thread, i);
            perThread[thread][counts[thread]++] = System.nanoTime() - start;
        });
        for (int t = 0; t < threads; t++) {
            if (perThread[t] != null) {
                latencies.addAll(perThread[t], counts[t]);
            }
        }
        return rate;
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", new AttributeValue.S(id), "payload", new AttributeValue.S(PAYLOAD));
    }

    private static Result embedded(int seconds, int threads) throws Exception {
        Path dir = Files.createTempDirectory("shardline-bench-embedded");
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            engine.createTable(Items.tableWithStream("Bench", 4, "NEW_AND_OLD_IMAGES", "id:S"));
            return run(
                    "Shardline embedded API",
                    seconds,
                    threads,
                    new Store() {
                        public void put(String id) {
                            engine.putItem(PutItem.Request.of("Bench", item(id)));
                        }

                        public void get(String id) {
                            engine.getItem(GetItem.Request.of("Bench", Map.of("id", new AttributeValue.S(id))));
                        }
                    },
                    ProcessHandle.current().pid());
        } finally {
            Throughput.deleteTree(dir);
        }
    }

    /** A server measured with the SDK client, then with wrk: same process, same table. */
    private static Result[] withBothClients(
            String name, URI endpoint, DynamoDbClient client, long pid, int seconds, int threads)
            throws IOException, InterruptedException {
        return new Result[] {
            run(name + " (AWS SDK v2)", seconds, threads, sdkStore(client), pid),
            WrkLoad.run(name + " (wrk)", endpoint, seconds, threads, pid)
        };
    }

    private static Result[] server(int seconds, int threads) throws Exception {
        Path data = Files.createTempDirectory("shardline-bench-server");
        int port = freePort();
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EngineLauncher.class.getName(),
                        "--data-dir",
                        data.toString(),
                        "--port",
                        Integer.toString(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        URI endpoint = awaitListening(server, port);
        try (DynamoDbClient client = client(endpoint, threads)) {
            client.createTable(r -> r.tableName("Bench")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .streamSpecification(
                            st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            return withBothClients(
                    "Shardline server, durable, stream on", endpoint, client, server.pid(), seconds, threads);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            Throughput.deleteTree(data);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until a child process accepts connections on the port; returns its endpoint. */
    private static URI awaitListening(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!accepts(port)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("the process did not start listening on port " + port);
            }
            Thread.sleep(50);
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    private static Result[] dynalite(int seconds, int threads) throws Exception {
        Path tools = Path.of("target", "bench-tools").toAbsolutePath();
        Path binary = tools.resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(tools);
            Process install = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            tools.toString(),
                            "dynalite@" + DYNALITE_VERSION)
                    .inheritIO()
                    .start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("npm install dynalite@" + DYNALITE_VERSION + " failed");
            }
        }
        int port = freePort();
        Path data = Files.createTempDirectory("dynalite-bench");
        Process dynalite = new ProcessBuilder(
                        binary.toString(), "--port", Integer.toString(port), "--path", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File(tools.toFile(), "dynalite.err"))
                .start();
        try {
            URI endpoint = awaitListening(dynalite, port);
            try (DynamoDbClient client = client(endpoint, threads)) {
                client.createTable(r -> r.tableName("Bench")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
                client.waiter().waitUntilTableExists(r -> r.tableName("Bench"));
                return withBothClients(
                        "dynalite " + DYNALITE_VERSION, endpoint, client, dynalite.pid(), seconds, threads);
            }
        } finally {
            dynalite.destroy();
            dynalite.waitFor(10, TimeUnit.SECONDS);
            Throughput.deleteTree(data);
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Store sdkStore(DynamoDbClient client) {
        return new Store() {
            public void put(String id) {
                client.putItem(r -> r.tableName("Bench")
                        .item(Map.of(
                                "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id),
                                "payload",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(PAYLOAD))));
            }

            public void get(String id) {
                client.getItem(r -> r.tableName("Bench")
                        .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))));
            }
        };
    }

    private static DynamoDbClient client(URI endpoint, int threads) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(threads * 2))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
                .build();
    }
}
