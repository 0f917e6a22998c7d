package io.shardline.jobs.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of OpenSearch that records, for every bulk action OpenSearch accepted, the
 * document id, its version, and when the request was sent and answered. From that record,
 * {@link #versionsThatWentDown()} finds any document whose accepted version went down: a write
 * accepted although it was sent after a write of a higher version had been accepted.
 */
final class BulkRecorderProxy implements AutoCloseable {
    /** Headers the proxy does not pass on; without accept-encoding, answers come uncompressed and readable. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host",
            "transfer-encoding", "upgrade", "expect", "keep-alive", "accept-encoding");
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpServer server;
    private final String target;
    private final Map<String, List<Accepted>> accepted = new ConcurrentHashMap<>();
    private final List<String> unreadable = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One accepted action: its version, and the request's send and answer times (nanoTime). */
    record Accepted(long version, boolean delete, long sentNanos, long answeredNanos) {
    }

    BulkRecorderProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "bulk-recorder");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            long sent = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long answered = System.nanoTime();
            if (exchange.getRequestURI().getPath().endsWith("/_bulk") && response.statusCode() == 200) {
                try {
                    record(body, response.body(), sent, answered);
                } catch (IOException | RuntimeException e) {
                    unreadable.add(e.toString());
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted forwarding to " + target, e);
        }
    }

    private void record(byte[] request, byte[] response, long sent, long answered) throws IOException {
        List<JsonNode> actions = new ArrayList<>();
        String[] lines = new String(request, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = json.readTree(lines[i]);
            JsonNode action = line.has("index") ? line.get("index") : line.get("delete");
            actions.add(action);
            if (line.has("index")) {
                i++;
            }
        }
        JsonNode items = json.readTree(response).get("items");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode result = item.has("index") ? item.get("index") : item.get("delete");
            boolean delete = item.has("delete");
            if (result.get("status").asInt() < 300 && !result.has("error")) {
                accepted.computeIfAbsent(result.get("_id").asText(), id -> new ArrayList<>());
                List<Accepted> versions = accepted.get(result.get("_id").asText());
                synchronized (versions) {
                    versions.add(new Accepted(actions.get(i).get("version").asLong(), delete, sent, answered));
                }
            }
        }
    }

    /**
     * Ids with an accepted write sent after a higher version was accepted, and the two versions; and
     * any bulk exchange the recorder could not read.
     */
    List<String> versionsThatWentDown() {
        List<String> problems = new ArrayList<>(unreadable);
        accepted.forEach((id, versions) -> {
            synchronized (versions) {
                for (Accepted earlier : versions) {
                    for (Accepted later : versions) {
                        if (earlier.answeredNanos < later.sentNanos && later.version <= earlier.version) {
                            problems.add(id + ": " + earlier + " then " + later);
                        }
                    }
                }
            }
        });
        return problems;
    }

    /** Whether OpenSearch accepted a delete of the document. */
    boolean acceptedDelete(String id) {
        List<Accepted> versions = accepted.getOrDefault(id, List.of());
        synchronized (versions) {
            return versions.stream().anyMatch(Accepted::delete);
        }
    }

    /** When OpenSearch's answer accepting the first write of the document arrived (nanoTime), or -1. */
    long firstAcceptedNanos(String id) {
        List<Accepted> versions = accepted.getOrDefault(id, List.of());
        synchronized (versions) {
            return versions.isEmpty() ? -1 : versions.get(0).answeredNanos();
        }
    }

    /** Accepted actions recorded in all. */
    long acceptedActions() {
        return accepted.values().stream().mapToLong(List::size).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
