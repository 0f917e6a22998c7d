package io.shardline.jobs.selection;

import io.shardline.connector.codec.SdkItems;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.ConditionEvaluator;
import io.shardline.items.expr.ExpressionAttributes;
import io.shardline.items.expr.ExpressionKind;
import io.shardline.items.expr.ExpressionParser;
import io.shardline.items.expr.Path;
import io.shardline.items.expr.Projector;
import io.shardline.items.json.DynamoDbJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items per second through the replication's filter and projection, on one thread, in one run:
 * {@link ItemSelection#select} (the evaluator reads a view that converts only the attributes it
 * touches) against converting every item to the evaluator's model and the projection back, as the
 * selection did before. Items of 16 attributes of every type; the filter reads two, the projection
 * keeps the key, a name and a nested field; about half the items pass. Prints both rates and their
 * ratio, best of five rounds. Arguments: items per round (default 200000).
 */
public final class ItemSelectionBenchmark {
    private static final String FILTER = "#s = :active AND #t > :min";
    private static final String PROJECTION = "pk, sk, #n, address.city";
    private static final Map<String, String> NAMES = Map.of("#s", "status", "#t", "total", "#n", "name");
    private static final String VALUES = "{\":active\": {\"S\": \"active\"}, \":min\": {\"N\": \"100\"}}";

    private ItemSelectionBenchmark() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<Map<String, AttributeValue>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item(i));
        }
        ItemSelection selection = new ItemSelection(List.of("pk", "sk"), FILTER, PROJECTION, NAMES, VALUES, null);
        Function<Map<String, AttributeValue>, Map<String, AttributeValue>> converting = convertingEveryItem();
        double best = 0;
        double bestConverting = 0;
        for (int round = 0; round < 5; round++) {
            bestConverting = Math.max(bestConverting, rate(items, converting));
            best = Math.max(best, rate(items, selection::select));
        }
        System.out.printf(
                "items/s through filter and projection: converting every item %.0f, ItemSelection %.0f, ratio %.2f%n",
                bestConverting, best, best / bestConverting);
    }

    private static double rate(
            List<Map<String, AttributeValue>> items,
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> select) {
        long selected = 0;
        long start = System.nanoTime();
        for (Map<String, AttributeValue> item : items) {
            if (select.apply(item) != null) {
                selected++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (selected == 0 || selected == items.size()) {
            throw new IllegalStateException("The filter should select some items, not " + selected);
        }
        return items.size() / seconds;
    }

    /** The selection as it was: the whole item converted to the evaluator's model, the projection back. */
    private static Function<Map<String, AttributeValue>, Map<String, AttributeValue>> convertingEveryItem() {
        ExpressionAttributes attributes =
                new ExpressionAttributes(NAMES, DynamoDbJson.readItem(VALUES.getBytes(StandardCharsets.UTF_8)));
        BooleanExpression filter = ExpressionParser.condition(ExpressionKind.FILTER, FILTER, attributes);
        List<Path> projection = ExpressionParser.projection(PROJECTION, attributes);
        return item -> {
            Map<String, io.shardline.items.AttributeValue> converted = SdkItems.toItem(item);
            if (!ConditionEvaluator.matches(filter, converted)) {
                return null;
            }
            Map<String, AttributeValue> projected = SdkItems.toSdk(Projector.project(converted, projection));
            projected.put("pk", item.get("pk"));
            projected.put("sk", item.get("sk"));
            return projected;
        };
    }

    private static Map<String, AttributeValue> item(int n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("customer#" + n / 4));
        item.put("sk", AttributeValue.fromN(Integer.toString(n % 4)));
        item.put("name", AttributeValue.fromS("order " + n));
        item.put("status", AttributeValue.fromS(n % 2 == 0 ? "active" : "closed"));
        item.put("total", AttributeValue.fromN(Integer.toString(50 + n % 500) + ".25"));
        item.put("email", AttributeValue.fromS("c" + n + "@example.com"));
        item.put("note", AttributeValue.fromS("a longer description of order " + n + " that nobody filters on"));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) n, 1, 2, 3, 4, 5, 6, 7})));
        item.put("tags", AttributeValue.fromSs(List.of("a" + n % 7, "b" + n % 11, "c" + n % 13)));
        item.put("counts", AttributeValue.fromNs(List.of("1", "2", Integer.toString(n + 3))));
        item.put("paid", AttributeValue.fromBool(n % 3 == 0));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put(
                "lines",
                AttributeValue.fromL(List.of(
                        AttributeValue.fromM(
                                Map.of("sku", AttributeValue.fromS("x" + n), "qty", AttributeValue.fromN("2"))),
                        AttributeValue.fromM(
                                Map.of("sku", AttributeValue.fromS("y" + n), "qty", AttributeValue.fromN("1"))))));
        item.put(
                "address",
                AttributeValue.fromM(Map.of(
                        "city", AttributeValue.fromS("Lyon " + n % 5),
                        "zip", AttributeValue.fromN("69001"),
                        "street", AttributeValue.fromS(n + " rue de la République"))));
        item.put("created", AttributeValue.fromN(Long.toString(1_764_000_000L + n)));
        item.put("version", AttributeValue.fromN(Integer.toString(n % 9)));
        return item;
    }
}
