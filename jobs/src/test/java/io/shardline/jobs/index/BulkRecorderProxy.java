package io.shardline.jobs.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.testing.OpenSearchFrontProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A proxy in front of OpenSearch that records, for every bulk action OpenSearch accepted, the
 * document id, its version, and when the request was sent and answered. From that record,
 * {@link #versionsThatWentDown()} finds any document whose accepted version went down: a write
 * accepted although it was sent after a write of a higher version had been accepted.
 */
final class BulkRecorderProxy implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final OpenSearchFrontProxy proxy;
    private final Map<String, List<Accepted>> accepted = new ConcurrentHashMap<>();

    /** One accepted action: its version, and the request's send and answer times (nanoTime). */
    record Accepted(long version, boolean delete, long sentNanos, long answeredNanos) {}

    BulkRecorderProxy(String target) throws IOException {
        proxy = OpenSearchFrontProxy.plain(target);
        proxy.onBulk(this::record);
    }

    String url() {
        return proxy.url();
    }

    private void record(byte[] request, byte[] response, long sent, long answered) throws IOException {
        List<JsonNode> actions = new ArrayList<>();
        String[] lines = new String(request, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = json.readTree(lines[i]);
            actions.add(line.has("index") ? line.get("index") : line.get("delete"));
            if (line.has("index")) {
                i++;
            }
        }
        JsonNode items = json.readTree(response).get("items");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode item = items.get(i);
            boolean delete = item.has("delete");
            JsonNode result = delete ? item.get("delete") : item.get("index");
            if (result.get("status").asInt() < 300 && !result.has("error")) {
                List<Accepted> versions =
                        accepted.computeIfAbsent(result.get("_id").asText(), id -> new ArrayList<>());
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
        List<String> problems = new ArrayList<>(proxy.listenerFailures());
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
        proxy.close();
    }
}
