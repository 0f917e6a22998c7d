package io.shardline.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for tests: the distribution the build unpacked (system property
 * {@code opensearch.home}) copied to a temporary directory and started as a child process on free
 * ports, with a JDK it can run on (OpenSearch 3 needs Java 21 or newer: the newest JDK under the
 * machine's JVM directory is chosen). OpenSearch refuses to run as root, so as root it runs as the
 * unprivileged user {@code shardline-opensearch}, made when missing. One node serves a whole test JVM
 * ({@link #shared()}) and stops when the JVM exits.
 */
public final class OpenSearchNode {
    private static final String USER = "shardline-opensearch";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static OpenSearchNode shared;
    private final Path directory;
    private final Process process;
    private final String url;
    private final String version;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private OpenSearchNode(Path directory, Process process, String url, String version) {
        this.directory = directory;
        this.process = process;
        this.url = url;
        this.version = version;
    }

    /** The node of this test JVM, started on first use. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            shared = start();
            OpenSearchNode node = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-opensearch"));
        }
        return shared;
    }

    /** The node's HTTP address, such as {@code http://127.0.0.1:43127}. */
    public String url() {
        return url;
    }

    /** The OpenSearch version running, such as {@code 2.19.6}. */
    public String version() {
        return version;
    }

    private static OpenSearchNode start() {
        String home = System.getProperty("opensearch.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("System property opensearch.home must name the unpacked OpenSearch "
                    + "distribution (the build unpacks it into target/opensearch), not " + home);
        }
        try {
            Path distribution = Path.of(home);
            String version = distribution.getFileName().toString().replaceFirst("^opensearch-", "");
            Path javaHome = javaFor(version);
            Path directory = Files.createTempDirectory("opensearch-" + version + "-");
            copy(distribution, directory);
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(
                        "sh",
                        "-c",
                        "id -u " + USER + " >/dev/null 2>&1 || useradd --system --no-create-home --shell "
                                + "/usr/sbin/nologin " + USER);
                run("chown", "-R", USER, directory.toString());
                run("chmod", "755", directory.toString());
            }
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("runuser", "-u", USER, "--"));
            }
            command.addAll(List.of(
                    directory.resolve("bin/opensearch").toString(),
                    "-E",
                    "discovery.type=single-node",
                    "-E",
                    "network.host=127.0.0.1",
                    "-E",
                    "http.port=0",
                    "-E",
                    "transport.port=0",
                    "-E",
                    "node.portsfile=true",
                    "-E",
                    "cluster.routing.allocation.disk.threshold_enabled=false",
                    "-E",
                    "path.data=" + directory.resolve("data"),
                    "-E",
                    "path.logs=" + directory.resolve("logs")));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("console.log").toFile());
            builder.environment().put("OPENSEARCH_JAVA_HOME", javaHome.toString());
            builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
            builder.environment().remove("JAVA_HOME");
            Process process = builder.start();
            String url = "http://" + awaitPortsFile(directory, process);
            OpenSearchNode node = new OpenSearchNode(directory, process, url, version);
            node.awaitHealthy();
            System.out.println("OpenSearch " + version + " runs at " + url + " on " + javaHome);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start OpenSearch from " + home, e);
        }
    }

    /** The running JDK for OpenSearch 2, the newest JDK beside it (at least 21) for OpenSearch 3 and later. */
    private static Path javaFor(String version) throws IOException {
        Path running = Path.of(System.getProperty("java.home"));
        int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        if (major < 3) {
            return running;
        }
        try (Stream<Path> jdks = Files.list(running.getParent())) {
            Optional<Path> newest = jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(OpenSearchNode::featureVersion));
            return newest.orElseThrow(() -> new IllegalStateException("OpenSearch " + version + " needs Java 21 or "
                    + "newer, and no such JDK is in " + running.getParent()));
        }
    }

    /** The JDK's feature version from its {@code release} file, or 0 when it has none. */
    private static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String value = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(value.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + String.join(" ", command), e);
        }
    }

    private static String awaitPortsFile(Path directory, Process process) throws IOException {
        Path ports = directory.resolve("logs/http.ports");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(ports) && !Files.readString(ports).isBlank()) {
                return Files.readAllLines(ports).get(0).trim();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with " + process.exitValue() + ":\n"
                        + Files.readString(directory.resolve("console.log")));
            }
            pause(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("OpenSearch did not bind a port within " + START_TIMEOUT + ":\n"
                + Files.readString(directory.resolve("console.log")));
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                pause(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for OpenSearch", e);
            }
        }
        throw new IllegalStateException("OpenSearch at " + url + " did not become healthy within " + START_TIMEOUT);
    }

    /** Sends a request with an optional JSON body and returns the answer's JSON, whatever its status. */
    public JsonNode request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + path, e);
        }
    }

    /** Makes everything written to the index searchable. */
    public void refresh(String index) {
        request("POST", "/" + index + "/_refresh", null);
    }

    /** Documents in the index (after a refresh). */
    public long count(String index) {
        refresh(index);
        return request("GET", "/" + index + "/_count", null).path("count").asLong(-1);
    }

    /** The document's stored source, or null when the index holds none under this id. */
    public JsonNode document(String index, String id) {
        JsonNode answer = get(index, id);
        return answer.path("found").asBoolean() ? answer.get("_source") : null;
    }

    /** The document's version, or -1 when the index holds none under this id. */
    public long version(String index, String id) {
        JsonNode answer = get(index, id);
        return answer.path("found").asBoolean() ? answer.get("_version").asLong() : -1;
    }

    private JsonNode get(String index, String id) {
        return request(
                "GET",
                "/" + index + "/_doc/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"),
                null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for OpenSearch", e);
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory, e);
        }
    }
}
