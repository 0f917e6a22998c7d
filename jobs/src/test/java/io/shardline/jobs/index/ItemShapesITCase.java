package io.shardline.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.connector.sink.opensearch.DeadLetterFile;
import io.shardline.connector.sink.opensearch.DocumentWrite;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.sink.opensearch.OpenSearchConnection;
import io.shardline.connector.sink.opensearch.OpenSearchSink;
import io.shardline.connector.testing.OpenSearchNode;
import io.shardline.jobs.search.SearchIndexAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of random shapes, as a table accepts them, into an index made with the index job's mapping,
 * through the real OpenSearch sink: all ten types, nesting, lists that mix types, attributes whose
 * type changes from item to item, date-like strings then others, names with dots and blanks. No
 * document may be refused, and each document's source, but for the typed copy, must be the item to
 * the last digit.
 */
@Tag("opensearch")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ItemShapesITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Top-level names, each taking any type from item to item; none OpenSearch refuses as a source field. */
    private static final List<String> NAMES = List.of(
            "shape",
            "mixed",
            "when",
            "a.b",
            "a_b",
            "S",
            "M",
            " spaced",
            "emoji\uD83D\uDE00",
            "flag",
            "nested",
            "tags",
            "x.y.z",
            "_under",
            "secret");
    /** Map keys, free of OpenSearch's rules on source fields, since nothing maps them. */
    private static final List<String> KEYS = List.of("k", "a.b", "", " ", ".", "S", "N", "M", "L", "deep.er", "\u00e9");

    private static final long SEED = System.nanoTime();
    private static final String METADATA = "@shardline";
    private static final String TYPED = "@dynamodb";

    private final OpenSearchNode node = OpenSearchNode.shared();
    private final Random random = new Random(SEED);

    @TempDir
    Path deadLetters;

    @Test
    void noItemOfAnyShapeIsRefusedAndEverySourceIsTheItem() throws Exception {
        String index = "shapes-" + UUID.randomUUID();
        try (SearchIndexAdmin admin = new SearchIndexAdmin(OpenSearchConnection.to(node.url()))) {
            admin.createForItems(index, METADATA, TYPED);
            assertThat(admin.searchesTypedField(index, TYPED)).isTrue();
        }
        ItemDocuments plain = new ItemDocuments(List.of("id"), METADATA);
        ItemDocuments typed = plain.withTypedField(TYPED, List.of("secret"));
        List<DocumentWrite> writes = new ArrayList<>();
        Map<String, JsonNode> expected = new HashMap<>();
        int withSecret = 0;
        int withNumberShape = 0;
        for (int n = 0; n < 500; n++) {
            Map<String, AttributeValue> item = item(n);
            writes.add(DocumentWrite.index(typed.id(item), 1, typed.source(item, Map.of())));
            expected.put(plain.id(item), parse(plain.source(item, Map.of())));
            withSecret += item.containsKey("secret") ? 1 : 0;
            withNumberShape += item.containsKey("shape") && item.get("shape").n() != null ? 1 : 0;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(writes)
                .sinkTo(OpenSearchSink.<DocumentWrite>builder()
                        .connection(OpenSearchConnection.to(node.url()))
                        .index(index)
                        .documents(write -> write)
                        .deadLetters(DeadLetterFile.in(deadLetters, "Shapes"))
                        .build())
                .name("opensearch");
        env.executeAsync("item shapes").getJobExecutionResult().get(2, TimeUnit.MINUTES);

        assertThat(deadLetterLines())
                .as("seed " + SEED + ": no document refused")
                .isEmpty();
        node.refresh(index);
        Map<String, JsonNode> held = new HashMap<>();
        try (SearchIndexAdmin admin = new SearchIndexAdmin(OpenSearchConnection.to(node.url()))) {
            admin.forEachDocument(index, hit -> held.put(hit.get("_id").asText(), hit.get("_source")));
        }
        assertThat(held.keySet()).as("seed " + SEED).isEqualTo(expected.keySet());
        expected.forEach((id, source) -> {
            ObjectNode plainSource = ((ObjectNode) held.get(id)).deepCopy();
            assertThat(plainSource.remove(TYPED)).as("the typed copy").isNotNull();
            assertThat(plainSource)
                    .as("seed %d, document %s: the source is the item", SEED, id)
                    .isEqualTo(source);
        });
        assertThat(hits(index, "{\"exists\":{\"field\":\"" + TYPED + ".secret.S\"}}"))
                .as("left out of the typed field")
                .isZero();
        assertThat(hits(index, "{\"exists\":{\"field\":\"secret\"}}"))
                .as("plain fields are not searched")
                .isZero();
        assertThat(withSecret).isPositive();
        assertThat(hits(index, "{\"range\":{\"" + TYPED + ".shape.N\":{\"gte\":-1e200}}}"))
                .as("seed " + SEED + ": numbers are searched as numbers")
                .isEqualTo(withNumberShape);
        assertThat(hits(index, "{\"term\":{\"" + TYPED + ".when.S.keyword\":\"2026-11-27\"}}"))
                .isPositive();
    }

    private long hits(String index, String query) {
        return node.request("POST", "/" + index + "/_count", "{\"query\":" + query + "}")
                .path("count")
                .asLong();
    }

    private List<String> deadLetterLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(deadLetters)) {
            for (Path file : files.toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    private static JsonNode parse(String json) {
        try {
            return SearchIndexAdmin.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, AttributeValue> item(int n) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("item-" + n));
        for (String name : NAMES) {
            if (random.nextInt(3) > 0) {
                item.put(
                        name,
                        name.equals("when")
                                ? AttributeValue.fromS(random.nextBoolean() ? "2026-11-27" : "soon")
                                : value(0));
            }
        }
        return item;
    }

    /** A value of any of the ten types; maps and lists nest up to four levels. */
    private AttributeValue value(int depth) {
        int kinds = depth >= 4 ? 8 : 10;
        return switch (random.nextInt(kinds)) {
            case 0 -> AttributeValue.fromS(string());
            case 1 -> AttributeValue.fromN(number());
            case 2 -> AttributeValue.fromB(SdkBytes.fromByteArray(bytes()));
            case 3 -> AttributeValue.fromBool(random.nextBoolean());
            case 4 -> AttributeValue.fromNul(true);
            case 5 -> AttributeValue.fromSs(List.of("a" + random.nextInt(9), "b" + random.nextInt(9), string() + "!"));
            case 6 -> AttributeValue.fromNs(List.of(number(), "7", "-0.5"));
            case 7 ->
                AttributeValue.fromBs(List.of(
                        SdkBytes.fromByteArray(bytes()),
                        SdkBytes.fromByteArray(new byte[] {1, 2, (byte) random.nextInt(256)})));
            case 8 -> {
                List<AttributeValue> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(depth + 1));
                }
                yield AttributeValue.fromL(list);
            }
            default -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(KEYS.get(random.nextInt(KEYS.size())), value(depth + 1));
                }
                yield AttributeValue.fromM(map);
            }
        };
    }

    private String string() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "2026-11-" + (10 + random.nextInt(18));
            case 2 -> "x".repeat(300 + random.nextInt(50));
            case 3 -> "quote \" back \\ tab \t emoji \uD83D\uDE80";
            case 4 -> Integer.toString(random.nextInt(1000));
            default -> "word" + random.nextInt(100);
        };
    }

    private String number() {
        return switch (random.nextInt(5)) {
            case 0 -> "12345678901234567890123456789012345678";
            case 1 -> "9.9999999999999999999999999999999999999E+125";
            case 2 -> "-1E-130";
            case 3 -> Long.toString(random.nextLong());
            default -> random.nextInt(1000) + "." + random.nextInt(1000);
        };
    }

    private byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(400)];
        random.nextBytes(bytes);
        return bytes;
    }
}
