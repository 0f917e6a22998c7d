package io.shardline.engine.item;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.expr.Path;
import io.shardline.items.expr.Projector;
import java.util.List;
import java.util.Map;

/** What a read returns of each item: all attributes, the given paths, or only a count. */
record Projection(boolean countOnly, List<Path> paths) {
    static final Projection ALL = new Projection(false, null);

    /**
     * Interprets Select, the legacy AttributesToGet and a parsed ProjectionExpression (null when absent)
     * as DynamoDB does.
     */
    static Projection of(String select, List<String> attributesToGet, List<Path> projectionExpression) {
        return of(select, attributesToGet, projectionExpression, false);
    }

    /** As {@link #of(String, List, List)}, for a read of a secondary index when {@code onIndex}. */
    static Projection of(
            String select, List<String> attributesToGet, List<Path> projectionExpression, boolean onIndex) {
        new ParameterMix()
                .legacy("AttributesToGet", attributesToGet)
                .expression("ProjectionExpression", projectionExpression)
                .check();
        if (attributesToGet != null && attributesToGet.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value '[]' at 'attributesToGet' "
                    + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (attributesToGet != null
                && attributesToGet.size() != attributesToGet.stream().distinct().count()) {
            throw DynamoException.validation("One or more parameter values were invalid: Duplicate value in "
                    + "attribute name: " + attributesToGet);
        }
        List<Path> paths =
                attributesToGet != null ? attributesToGet.stream().map(Path::of).toList() : projectionExpression;
        boolean named = paths != null;
        if (select == null) {
            return named ? new Projection(false, paths) : ALL;
        }
        switch (select) {
            case "ALL_ATTRIBUTES":
                if (named) {
                    throw DynamoException.validation(
                            "Cannot specify the AttributesToGet or ProjectionExpression when choosing to get ALL_ATTRIBUTES");
                }
                return ALL;
            case "COUNT":
                if (named) {
                    throw DynamoException.validation("Cannot specify the AttributesToGet or ProjectionExpression when "
                            + "choosing to get only the COUNT");
                }
                return new Projection(true, null);
            case "SPECIFIC_ATTRIBUTES":
                if (!named) {
                    throw DynamoException.validation("Must specify the AttributesToGet or ProjectionExpression when "
                            + "choosing to get SPECIFIC_ATTRIBUTES");
                }
                return new Projection(false, paths);
            case "ALL_PROJECTED_ATTRIBUTES":
                if (!onIndex) {
                    throw DynamoException.validation(
                            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
                }
                if (named) {
                    throw DynamoException.validation("Cannot specify the AttributesToGet or ProjectionExpression when "
                            + "choosing to get ALL_PROJECTED_ATTRIBUTES");
                }
                return ALL;
            default:
                throw DynamoException.validation(
                        "1 validation error detected: Value '" + select + "' at 'select' failed "
                                + "to satisfy constraint: Member must satisfy enum value set: "
                                + "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return paths == null ? item : Projector.project(item, paths);
    }
}
