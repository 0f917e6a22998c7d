package io.shardline.jobs.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Compares a table with its index: every item must have a document under its id whose source,
 * without the metadata field, equals the item's document (every attribute, every digit), and the
 * index must hold nothing else. Holds a digest per document, not the documents.
 */
final class IndexVerifier {
    /** How many ids of each kind of difference a result keeps. */
    static final int EXAMPLES = 5;

    /** Counts of what matched and what did not, with the first few ids of each difference. */
    record Result(long items, long documents, long missing, long extra, long different, List<String> missingIds,
                  List<String> extraIds, List<String> differentIds) {
        boolean equal() {
            return missing == 0 && extra == 0 && different == 0;
        }
    }

    private IndexVerifier() {
    }

    static Result verify(DynamoDbClient table, String tableName, SearchIndexAdmin search, String index,
                         String metadataField) {
        search.refresh(index);
        Map<String, String> digests = new HashMap<>();
        search.forEachDocument(index, hit -> digests.put(hit.get("_id").asText(),
                digest(hit.get("_source"), metadataField)));
        long documents = digests.size();
        List<String> keys = TableFacts.describe(table, tableName).keyAttributes();
        ItemDocuments expected = new ItemDocuments(keys, metadataField);
        long[] items = {0};
        long[] missing = {0};
        long[] different = {0};
        List<String> missingIds = new ArrayList<>();
        List<String> differentIds = new ArrayList<>();
        table.scanPaginator(r -> r.tableName(tableName).consistentRead(true)).items().forEach(item -> {
            items[0]++;
            String id = expected.id(item);
            String found = digests.remove(id);
            if (found == null) {
                missing[0]++;
                keep(missingIds, id);
            } else if (!found.equals(digest(parse(expected.source(item, Map.of())), metadataField))) {
                different[0]++;
                keep(differentIds, id);
            }
        });
        List<String> extraIds = new ArrayList<>();
        digests.keySet().stream().sorted().limit(EXAMPLES).forEach(extraIds::add);
        return new Result(items[0], documents, missing[0], digests.size(), different[0], missingIds, extraIds,
                differentIds);
    }

    private static void keep(List<String> ids, String id) {
        if (ids.size() < EXAMPLES) {
            ids.add(id);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return SearchIndexAdmin.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of the source without the metadata field, with object members in name order. */
    private static String digest(JsonNode source, String metadataField) {
        Map<?, ?> attributes = (Map<?, ?>) sorted(source);
        attributes.remove(metadataField);
        try {
            byte[] canonical = SearchIndexAdmin.JSON.writeValueAsBytes(attributes);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256", e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> members = new TreeMap<>();
            node.fields().forEachRemaining(member -> members.put(member.getKey(), sorted(member.getValue())));
            return members;
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(element -> elements.add(sorted(element)));
            return elements;
        }
        return node;
    }
}
