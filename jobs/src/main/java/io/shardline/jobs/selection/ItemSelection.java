package io.shardline.jobs.selection;

import io.shardline.connector.codec.SdkItems;
import io.shardline.items.DynamoException;
import io.shardline.items.expr.BooleanExpression;
import io.shardline.items.expr.ConditionEvaluator;
import io.shardline.items.expr.ExpressionAttributes;
import io.shardline.items.expr.ExpressionKind;
import io.shardline.items.expr.ExpressionParser;
import io.shardline.items.expr.Path;
import io.shardline.items.expr.Projector;
import io.shardline.items.json.DynamoDbJson;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What of a table the targets hold: the items a filter selects (DynamoDB's condition-expression
 * syntax, evaluated by the engine's own evaluator from shardline-items, over a view of the item
 * that converts only the attributes the expression reads), the attributes a projection names
 * (ProjectionExpression syntax; key attributes are always kept), then a {@link ReplicationTransform}.
 * Expressions travel as text and are parsed where they run.
 */
public final class ItemSelection implements Serializable {
    private final List<String> keyAttributes;
    private final String filter;
    private final String projection;
    private final Map<String, String> names;
    private final String valuesJson;
    private final ReplicationTransform transform;
    private transient BooleanExpression parsedFilter;
    private transient List<Path> parsedProjection;
    private transient boolean parsed;

    /**
     * @param filter     a condition expression an item must satisfy, or null for every item
     * @param projection a projection expression naming the attributes to keep, or null for all
     * @param names      expression attribute names ({@code #n} to a name), or null
     * @param valuesJson expression attribute values as DynamoDB JSON ({@code {":v": {"S": "x"}}}), or null
     * @param transform  the user's transform, or null
     */
    public ItemSelection(
            List<String> keyAttributes,
            String filter,
            String projection,
            Map<String, String> names,
            String valuesJson,
            ReplicationTransform transform) {
        this.keyAttributes = List.copyOf(keyAttributes);
        this.filter = filter;
        this.projection = projection;
        this.names = names == null || names.isEmpty() ? null : Map.copyOf(names);
        this.valuesJson = valuesJson;
        this.transform = transform;
        parse();
    }

    /** The item as the targets hold it, or null when the targets do not hold it. */
    public Map<String, AttributeValue> select(Map<String, AttributeValue> item) {
        parse();
        Map<String, AttributeValue> selected = item;
        if (parsedFilter != null || parsedProjection != null) {
            Map<String, io.shardline.items.AttributeValue> view = SdkItems.view(item);
            if (parsedFilter != null && !ConditionEvaluator.matches(parsedFilter, view)) {
                return null;
            }
            if (parsedProjection != null) {
                selected = SdkItems.toSdk(Projector.project(view, parsedProjection));
                for (String key : keyAttributes) {
                    selected.put(key, item.get(key));
                }
            }
        }
        if (transform == null) {
            return selected;
        }
        Map<String, AttributeValue> transformed = transform.apply(selected);
        if (transformed != null) {
            for (String key : keyAttributes) {
                if (!Objects.equals(transformed.get(key), item.get(key))) {
                    throw new IllegalStateException(
                            "The replication transform " + transform.getClass().getName()
                                    + " changed key attribute " + key + " of the item with key " + key(item) + " to "
                                    + transformed.get(key) + "; a transform must keep the key");
                }
            }
        }
        return transformed;
    }

    private String key(Map<String, AttributeValue> item) {
        StringBuilder key = new StringBuilder("{");
        for (String name : keyAttributes) {
            key.append(key.length() > 1 ? ", " : "").append(name).append('=').append(item.get(name));
        }
        return key.append('}').toString();
    }

    private void parse() {
        if (parsed) {
            return;
        }
        try {
            Map<String, io.shardline.items.AttributeValue> values =
                    valuesJson == null ? null : DynamoDbJson.readItem(valuesJson.getBytes(StandardCharsets.UTF_8));
            ExpressionAttributes attributes = new ExpressionAttributes(names, values);
            parsedFilter =
                    filter == null ? null : ExpressionParser.condition(ExpressionKind.FILTER, filter, attributes);
            parsedProjection = projection == null ? null : ExpressionParser.projection(projection, attributes);
            attributes.checkAllUsed();
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "The replication's expression attribute values are not DynamoDB JSON "
                            + "such as {\":v\": {\"S\": \"x\"}}: " + valuesJson,
                    e);
        } catch (DynamoException e) {
            throw new IllegalArgumentException(
                    "The replication's filter or projection is not valid: " + e.getMessage()
                            + (filter == null ? "" : " (filter: " + filter + ")")
                            + (projection == null ? "" : " (projection: " + projection + ")"),
                    e);
        }
        parsed = true;
    }
}
