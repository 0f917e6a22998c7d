package io.shardline.jobs.search;

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
import java.util.concurrent.atomic.AtomicLong;
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
    /** Characters of a string or binary kept as a keyword for exact search; longer ones are text only. */
    private static final int KEYWORD_CHARACTERS = 256;
    /** Object depth a mapping may have: a typed copy is twice as deep as an item, and items nest 32 levels. */
    private static final int MAPPING_DEPTH = 80;
    /** Decimals as BigDecimal, so documents read back keep every digit. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final OpenSearchClient client;
    private final OpenSearchGenericClient generic;

    public SearchIndexAdmin(OpenSearchConnection connection) {
        this.client = connection.createClient();
        this.generic = client.generic();
    }

    /** A status and JSON answer. */
    private record Answer(int status, JsonNode body) {}

    private Answer call(String method, String endpoint, Object body) {
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

    private JsonNode ok(String method, String endpoint, Object body) {
        Answer answer = call(method, endpoint, body);
        if (answer.status >= 300) {
            throw new IllegalStateException(
                    "OpenSearch " + method + " " + endpoint + " answered " + answer.status + ": " + answer.body);
        }
        return answer.body;
    }

    /** Whether an index or alias of this name exists. */
    public boolean exists(String name) {
        return call("HEAD", "/" + name, null).status == 200;
    }

    /** The indices an alias points at; empty when no alias has this name. */
    public List<String> aliasTargets(String alias) {
        Answer answer = call("GET", "/_alias/" + alias, null);
        List<String> targets = new ArrayList<>();
        if (answer.status == 200) {
            answer.body.fieldNames().forEachRemaining(targets::add);
        }
        return targets;
    }

    /**
     * Creates an index whose mapping no item can fail, whatever shapes the table's items take: the
     * item's plain attributes are kept in the source only (not mapped, so an attribute that is a string
     * in one item and a map in the next clashes with nothing), and its typed copy under
     * {@code typedField} (DynamoDB JSON) is what gets searched: strings
     * ({@code S}, {@code SS}) as text with a keyword subfield, numbers ({@code N}, {@code NS}) as
     * doubles, binaries ({@code B}, {@code BS}) as keywords, {@code BOOL} and {@code NULL} as booleans,
     * maps and lists ({@code M}, {@code L}) as flat objects, whose every value is a keyword under its
     * dotted path. No date detection. The change metadata under {@code metadataField} has fixed types.
     * The typed copy stays in the source: OpenSearch rewrites a source it filters, and its numbers lose
     * digits on the way (9.9999999999999999999999999999999999999E+125 came back as 1E+126).
     */
    public void createForItems(String index, String metadataField, String typedField) {
        ObjectNode mappings = JSON.createObjectNode()
                .put("dynamic", false)
                .put("date_detection", false)
                .put("numeric_detection", false);
        ArrayNode templates = mappings.putArray("dynamic_templates");
        typed(
                templates,
                typedField,
                "strings",
                "S|SS",
                "string",
                JSON.createObjectNode()
                        .put("type", "text")
                        .set(
                                "fields",
                                JSON.createObjectNode()
                                        .set(
                                                "keyword",
                                                JSON.createObjectNode()
                                                        .put("type", "keyword")
                                                        .put("ignore_above", KEYWORD_CHARACTERS))));
        typed(
                templates,
                typedField,
                "numbers",
                "N|NS",
                "string",
                JSON.createObjectNode().put("type", "double").put("ignore_malformed", true));
        typed(
                templates,
                typedField,
                "binaries",
                "B|BS",
                "string",
                JSON.createObjectNode().put("type", "keyword").put("ignore_above", KEYWORD_CHARACTERS));
        typed(
                templates,
                typedField,
                "booleans",
                "BOOL|NULL",
                "boolean",
                JSON.createObjectNode().put("type", "boolean"));
        typed(
                templates,
                typedField,
                "maps_and_lists",
                "M|L",
                "object",
                JSON.createObjectNode().put("type", "flat_object"));
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject(typedField).put("type", "object").put("dynamic", true);
        ObjectNode metadata = properties.putObject(metadataField).putObject("properties");
        metadata.putObject("event").put("type", "keyword");
        metadata.putObject("sequence_number").put("type", "keyword");
        metadata.putObject("table").put("type", "keyword");
        metadata.putObject("change_time").put("type", "date").put("format", "epoch_millis");
        ObjectNode body = JSON.createObjectNode();
        body.putObject("settings").put("index.mapping.depth.limit", MAPPING_DEPTH);
        body.set("mappings", mappings);
        ok("PUT", "/" + index, body);
    }

    /** A dynamic template mapping the values of DynamoDB types {@code types} (a regex) under {@code typedField}. */
    private static void typed(
            ArrayNode templates, String typedField, String name, String types, String jsonType, ObjectNode mapping) {
        ObjectNode template = templates.addObject().putObject(name);
        template.put("path_match", typedField + ".*")
                .put("match_pattern", "regex")
                .put("match", "^(" + types + ")$")
                .put("match_mapping_type", jsonType);
        template.set("mapping", mapping);
    }

    /** Whether {@code index} has the mapping of {@link #createForItems}: a typed field, and plain fields unmapped. */
    public boolean searchesTypedField(String index, String typedField) {
        for (JsonNode mapping : ok("GET", "/" + index + "/_mapping", null)) {
            JsonNode mappings = mapping.path("mappings");
            if (mappings.path("properties").has(typedField)
                    && "false".equals(mappings.path("dynamic").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Points {@code alias} at {@code index} alone, in one atomic step: searches of the alias see the
     * old indices until the step and the new one after it, never none. A concrete index named like
     * the alias (from runs before aliases were used) is deleted in the same step.
     */
    public void moveAlias(String alias, String index) {
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

    public long count(String index) {
        return ok("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    /** Passes every document's hit ({@code _id}, {@code _version}, {@code _source}) to {@code each}, with a scroll. */
    public void forEachDocument(String index, Consumer<JsonNode> each) {
        ObjectNode search = JSON.createObjectNode().put("size", 1000).put("version", true);
        scroll(index, search, page -> page.forEach(each));
    }

    /**
     * Deletes the documents whose {@code timeField} is not at or after {@code sinceMillis} (or is
     * missing) and whose version is below {@code version}, each with the external version
     * {@code version - 1}: OpenSearch applies such a delete only while the document's version is
     * lower, so a document written meanwhile at {@code version} or above stays. Counts the deleted.
     */
    public void deleteOlderThan(String index, String timeField, long sinceMillis, long version, AtomicLong deleted) {
        ObjectNode search =
                JSON.createObjectNode().put("size", 1000).put("version", true).put("_source", false);
        search.putObject("query")
                .putObject("bool")
                .putObject("must_not")
                .putObject("range")
                .putObject(timeField)
                .put("gte", sinceMillis);
        scroll(index, search, page -> {
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : page) {
                if (hit.path("_version").asLong(Long.MAX_VALUE) < version - 1) {
                    ObjectNode delete = JSON.createObjectNode();
                    delete.putObject("delete")
                            .put("_index", index)
                            .put("_id", hit.path("_id").asText())
                            .put("version", version - 1)
                            .put("version_type", "external");
                    bulk.append(delete).append('\n');
                }
            }
            if (bulk.length() > 0) {
                for (JsonNode item : ok("POST", "/_bulk", bulk.toString()).path("items")) {
                    if ("deleted".equals(item.path("delete").path("result").asText())) {
                        deleted.incrementAndGet();
                    }
                }
            }
        });
    }

    /** Passes every page of hits of {@code search} to {@code each}, with a scroll in index order. */
    private void scroll(String index, ObjectNode search, Consumer<JsonNode> each) {
        search.putArray("sort").add("_doc");
        JsonNode page = ok("POST", "/" + index + "/_search?scroll=2m", search);
        String scroll = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                each.accept(page.path("hits").path("hits"));
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
