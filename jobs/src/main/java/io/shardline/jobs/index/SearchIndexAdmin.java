package io.shardline.jobs.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.connector.sink.opensearch.OpenSearchConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The index-level OpenSearch calls the index job and the verifier make: create an index with the
 * item mapping, look up and move an alias atomically, count, refresh, and read every document.
 */
public final class SearchIndexAdmin implements AutoCloseable {
    /** Decimals as BigDecimal, so documents read back keep every digit. */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final OpenSearchClient client;
    private final OpenSearchGenericClient generic;

    public SearchIndexAdmin(OpenSearchConnection connection) {
        this.client = connection.createClient();
        this.generic = client.generic();
    }

    /** A status and JSON answer. */
    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String endpoint, JsonNode body) {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.json(body.toString());
        }
        try (Response response = generic.execute(request.build())) {
            JsonNode json = JSON.missingNode();
            if (response.getBody().isPresent()) {
                try (Body content = response.getBody().get()) {
                    byte[] bytes = content.bodyAsBytes();
                    json = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
                }
            }
            return new Answer(response.getStatus(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch " + method + " " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    private JsonNode ok(String method, String endpoint, JsonNode body) {
        Answer answer = call(method, endpoint, body);
        if (answer.status >= 300) {
            throw new IllegalStateException("OpenSearch " + method + " " + endpoint + " answered " + answer.status + ": "
                    + answer.body);
        }
        return answer.body;
    }

    /** Whether an index or alias of this name exists. */
    boolean exists(String name) {
        return call("HEAD", "/" + name, null).status == 200;
    }

    /** The indices an alias points at; empty when no alias has this name. */
    List<String> aliasTargets(String alias) {
        Answer answer = call("GET", "/_alias/" + alias, null);
        List<String> targets = new ArrayList<>();
        if (answer.status == 200) {
            answer.body.fieldNames().forEachRemaining(targets::add);
        }
        return targets;
    }

    /**
     * Creates an index whose mapping suits table items: numbers (integers too) as doubles, so any
     * DynamoDB number is searchable as a number and none fails its document (the source keeps every
     * digit); a value of another type where a number is mapped is left unindexed rather than refused;
     * the {@code unindexed} attributes kept in the source only, whatever their values; and the change
     * metadata under {@code metadataField} with fixed types.
     */
    void createForItems(String index, String metadataField, List<String> unindexed) {
        ObjectNode mappings = JSON.createObjectNode();
        ArrayNode templates = mappings.putArray("dynamic_templates");
        for (String type : List.of("long", "double")) {
            ObjectNode template = templates.addObject().putObject("numbers_from_" + type);
            template.put("match_mapping_type", type);
            template.putObject("mapping").put("type", "double").put("ignore_malformed", true);
        }
        ObjectNode properties = mappings.putObject("properties");
        for (String attribute : unindexed) {
            properties.putObject(attribute).put("type", "object").put("enabled", false);
        }
        ObjectNode metadata = properties.putObject(metadataField).putObject("properties");
        metadata.putObject("event").put("type", "keyword");
        metadata.putObject("sequence_number").put("type", "keyword");
        metadata.putObject("table").put("type", "keyword");
        metadata.putObject("change_time").put("type", "date").put("format", "epoch_millis");
        ObjectNode body = JSON.createObjectNode();
        body.set("mappings", mappings);
        ok("PUT", "/" + index, body);
    }

    /**
     * Points {@code alias} at {@code index} alone, in one atomic step: searches of the alias see the
     * old indices until the step and the new one after it, never none. A concrete index named like
     * the alias (from runs before aliases were used) is deleted in the same step.
     */
    void moveAlias(String alias, String index) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        List<String> old = aliasTargets(alias);
        if (old.isEmpty() && exists(alias)) {
            actions.addObject().putObject("remove_index").put("index", alias);
        }
        for (String previous : old) {
            if (!previous.equals(index)) {
                actions.addObject().putObject("remove").put("index", previous).put("alias", alias);
            }
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        ok("POST", "/_aliases", body);
    }

    public void refresh(String index) {
        ok("POST", "/" + index + "/_refresh", null);
    }

    long count(String index) {
        return ok("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    /** Passes every document's hit ({@code _id}, {@code _version}, {@code _source}) to {@code each}, with a scroll. */
    public void forEachDocument(String index, Consumer<JsonNode> each) {
        ObjectNode query = JSON.createObjectNode().put("size", 1000).put("version", true);
        query.putArray("sort").add("_doc");
        JsonNode page = ok("POST", "/" + index + "/_search?scroll=2m", query);
        String scroll = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                page.path("hits").path("hits").forEach(each);
                ObjectNode next = JSON.createObjectNode().put("scroll", "2m").put("scroll_id", scroll);
                page = ok("POST", "/_search/scroll", next);
                scroll = page.path("_scroll_id").asText(scroll);
            }
        } finally {
            ObjectNode clear = JSON.createObjectNode();
            clear.putArray("scroll_id").add(scroll);
            call("DELETE", "/_search/scroll", clear);
        }
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
