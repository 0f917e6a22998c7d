package io.shardline.engine.bench;

import io.shardline.engine.launcher.EngineLauncher;
import io.shardline.engine.testing.EngineProcess;
import io.shardline.engine.testing.JavaProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * How soon a freshly started server serves at its steady rate. The server is started as users start
 * it (the launcher without a heap limit, so the server runs in the launcher's bounded child JVM with
 * its JIT settings; durable, NEW_AND_OLD_IMAGES stream); 10,000 1 KB items are put with wrk for a
 * second, then wrk reads them with GetItem over 16 connections in one-second runs until
 * {@code seconds} after the start. Prints each second's rate and the CPU the JIT compilers used in
 * it; the steady rate is the median of the last 30 seconds, and the warm-up time is when the 5-second
 * moving average first reaches 90% of it, counted from the process start.
 * Arguments: seconds (default 150), then JVM options for the server's JVMs (given to them in
 * {@code JAVA_TOOL_OPTIONS}, to compare settings).
 */
public final class WarmUpBenchmark {
    private static final int CONNECTIONS = 16;

    private WarmUpBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        Path data = Files.createTempDirectory("shardline-bench-warm-up");
        Map<String, String> environment = args.length > 1
                ? Map.of(
                        "JAVA_TOOL_OPTIONS",
                        String.join(" ", Arrays.asList(args).subList(1, args.length)))
                : Map.of();
        long started = System.nanoTime();
        JavaProcess server = JavaProcess.start(
                "engine",
                System.getProperty("java.class.path"),
                List.of(),
                environment,
                EngineLauncher.class.getName(),
                List.of("--data-dir", data.toString(), "--port", "0"));
        Path script = WrkLoad.script();
        try {
            URI endpoint = URI.create(server.awaitLine(EngineProcess.LISTENING, Duration.ofSeconds(60)));
            System.out.printf("listening after %.1f s%n", (System.nanoTime() - started) / 1e9);
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .build()) {
                client.createTable(r -> r.tableName("Bench")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .streamSpecification(
                                st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            }
            long items = WrkLoad.phase(script, endpoint, 1, CONNECTIONS, "put", "k", 1)
                    .requests();
            List<double[]> windows = new ArrayList<>();
            while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(seconds)) {
                double compilingBefore = ProcessCpu.compilerMillis(server.pid());
                double rate = WrkLoad.phase(script, endpoint, 1, CONNECTIONS, "get", "k", items)
                        .perSecond();
                double at = (System.nanoTime() - started) / 1e9;
                double compiling = ProcessCpu.compilerMillis(server.pid()) - compilingBefore;
                windows.add(new double[] {at, rate});
                System.out.printf("%6.1f s  %8.0f gets/s  JIT compilers %4.0f ms%n", at, rate, compiling);
            }
            report(windows);
        } finally {
            Files.deleteIfExists(script);
            server.close();
            Throughput.deleteTree(data);
        }
    }

    private static void report(List<double[]> windows) {
        double[] last = windows.subList(Math.max(0, windows.size() - 30), windows.size()).stream()
                .mapToDouble(w -> w[1])
                .sorted()
                .toArray();
        double steady = last[last.length / 2];
        for (int i = 0; i + 5 <= windows.size(); i++) {
            double average = windows.subList(i, i + 5).stream()
                    .mapToDouble(w -> w[1])
                    .average()
                    .orElse(0);
            if (average >= 0.9 * steady) {
                System.out.printf(
                        "steady GetItem rate %.0f/s (median of the last 30 s); the 5-second average first "
                                + "reached 90%% of it in the 5 s ending %.1f s after the process started%n",
                        steady, windows.get(i + 4)[0]);
                return;
            }
        }
        System.out.printf("steady GetItem rate %.0f/s; no 5 s reached 90%% of it%n", steady);
    }
}
