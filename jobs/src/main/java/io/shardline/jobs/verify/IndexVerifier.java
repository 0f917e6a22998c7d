package io.shardline.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.tables.TableFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Compares a table with its index: every item must have a document under its id whose source,
 * without the metadata field and the item's typed copy, equals the item's document (every attribute,
 * every digit), and the index must hold nothing else. Holds a digest per document, not the documents.
 */
public final class IndexVerifier {
    private IndexVerifier() {}

    public static CopyComparison.Result verify(
            DynamoDbClient table,
            String tableName,
            SearchIndexAdmin search,
            String index,
            String metadataField,
            String typedField) {
        search.refresh(index);
        CopyComparison comparison = new CopyComparison();
        search.forEachDocument(
                index,
                hit -> comparison.held(hit.get("_id").asText(), digest(hit.get("_source"), metadataField, typedField)));
        List<String> keys = TableFacts.describe(table, tableName).keyAttributes();
        ItemDocuments expected = new ItemDocuments(keys, metadataField);
        table.scanPaginator(r -> r.tableName(tableName).consistentRead(true))
                .items()
                .forEach(item -> comparison.expected(
                        expected.id(item), digest(parse(expected.source(item, Map.of())), metadataField, typedField)));
        return comparison.result();
    }

    private static JsonNode parse(String json) {
        try {
            return SearchIndexAdmin.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of the source without the metadata and typed fields, with object members in name order. */
    private static String digest(JsonNode source, String metadataField, String typedField) {
        Map<?, ?> attributes = (Map<?, ?>) sorted(source);
        attributes.remove(metadataField);
        attributes.remove(typedField);
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
            node.properties().forEach(member -> members.put(member.getKey(), sorted(member.getValue())));
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
