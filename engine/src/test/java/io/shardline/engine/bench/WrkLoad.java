package io.shardline.engine.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PutItem then GetItem against a server with wrk (Debian's HTTP benchmarking tool, written in C),
 * over kept-alive connections, with distinct 1 KB items and a well-formed SigV4 header whose signature
 * is not computed: servers that accept any well-formed signature (Shardline's open mode, dynalite)
 * answer it as they answer the SDK. wrk costs the shared CPUs a fraction of what the SDK does, so it
 * measures the server. Any answer other than 200 fails the run.
 */
final class WrkLoad {
    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Path INSTALLER = Path.of("src", "test", "scripts", "install-debian-package.sh");
    private static final int WARM_UP_SECONDS = 4;
    private static final String SCRIPT = """
            local op, prefix, keys
            local n = 0
            local payload = string.rep("x", 1000)
            function init(args)
              op, prefix, keys = args[1], args[2], tonumber(args[3])
              wrk.method = "POST"
              wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
              wrk.headers["X-Amz-Date"] = "%1$s"
              wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/%2$s/us-east-1/dynamodb/aws4_request, "
                .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" .. string.rep("0", 64)
              wrk.headers["X-Amz-Target"] = op == "put" and "DynamoDB_20120810.PutItem" or "DynamoDB_20120810.GetItem"
            end
            function request()
              n = n + 1
              if op == "put" then
                return wrk.format(nil, nil, nil, '{"TableName":"Bench","Item":{"id":{"S":"' .. prefix .. n
                  .. '"},"payload":{"S":"' .. payload .. '"}}}')
              end
              return wrk.format(nil, nil, nil, '{"TableName":"Bench","Key":{"id":{"S":"' .. prefix
                .. (n %% keys + 1) .. '"}}}')
            end
            """;

    private WrkLoad() {}

    /** One phase's outcome: requests answered, their rate and latency percentiles in milliseconds. */
    record Phase(long requests, double perSecond, double p50, double p99) {}

    /** The request script, dated now, in a temporary file the caller deletes. */
    static Path script() throws IOException, InterruptedException {
        installWrk();
        Path script = Files.createTempFile("shardline-bench", ".lua");
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        Files.writeString(script, String.format(SCRIPT, date, date.substring(0, 8)));
        return script;
    }

    /** Warms up briefly, then puts for {@code seconds} and gets the written items for {@code seconds}. */
    static ServerBenchmark.Result run(String name, URI endpoint, int seconds, int connections, long serverPid)
            throws IOException, InterruptedException {
        Path script = script();
        try {
            Phase warmPuts = phase(script, endpoint, WARM_UP_SECONDS, connections, "put", "warm", 1);
            phase(script, endpoint, WARM_UP_SECONDS, connections, "get", "warm", warmPuts.requests());
            double cpuBefore = ProcessCpu.millis(serverPid);
            Phase puts = phase(script, endpoint, seconds, connections, "put", "t", 1);
            double cpuBetween = ProcessCpu.millis(serverPid);
            Phase gets = phase(script, endpoint, seconds, connections, "get", "t", puts.requests());
            double cpuAfter = ProcessCpu.millis(serverPid);
            return new ServerBenchmark.Result(
                    name,
                    puts.perSecond(),
                    puts.p50(),
                    puts.p99(),
                    gets.perSecond(),
                    gets.p50(),
                    gets.p99(),
                    (cpuBetween - cpuBefore) * 1000 / puts.requests(),
                    (cpuAfter - cpuBetween) * 1000 / gets.requests());
        } finally {
            Files.delete(script);
        }
    }

    /**
     * Runs wrk for {@code seconds} with {@code op} ({@code put} of new items named prefix1, prefix2, ...,
     * or {@code get} of the first {@code keys} of them).
     */
    static Phase phase(Path script, URI endpoint, int seconds, int connections, String op, String prefix, long keys)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(
                        WRK.toString(),
                        "-t1",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        endpoint.toString(),
                        "--",
                        op,
                        prefix,
                        Long.toString(keys))
                .redirectErrorStream(true)
                .start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || output.contains("Non-2xx") || output.contains("Socket errors")) {
            throw new IllegalStateException("wrk " + op + " against " + endpoint + " failed:\n" + output);
        }
        return new Phase(
                Long.parseLong(find(output, "(\\d+) requests in")),
                Double.parseDouble(find(output, "Requests/sec:\\s+([\\d.]+)")),
                millis(find(output, "\\s50%\\s+([\\d.]+\\w+)")),
                millis(find(output, "\\s99%\\s+([\\d.]+\\w+)")));
    }

    private static void installWrk() throws IOException, InterruptedException {
        if (!Files.isExecutable(WRK)) {
            Process install = new ProcessBuilder(List.of("bash", INSTALLER.toString(), "wrk", WRK.toString()))
                    .inheritIO()
                    .start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("installing Debian's wrk failed");
            }
        }
    }

    private static String find(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + output);
        }
        return m.group(1);
    }

    /** A wrk duration such as 620.00us, 2.10ms or 1.05s, in milliseconds. */
    private static double millis(String duration) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(duration);
        if (!m.matches()) {
            throw new IllegalStateException("not a wrk duration: " + duration);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }
}
