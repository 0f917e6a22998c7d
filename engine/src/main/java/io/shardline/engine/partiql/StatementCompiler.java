package io.shardline.engine.partiql;

import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.Query;
import io.shardline.engine.api.Scan;
import io.shardline.engine.api.UpdateItem;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a parsed statement into the request it stands for: a SELECT naming the whole key into a
 * GetItem, one naming the partition key into a Query (the sort key's condition as its key condition,
 * the rest as its filter), any other into a Scan with the WHERE clause as filter; INSERT into a PutItem
 * on a key that must not exist, UPDATE into an UpdateItem on a key that must, DELETE into a DeleteItem.
 */
final class StatementCompiler {
    /** A statement as the request it runs as. */
    sealed interface Compiled {
        String table();
    }

    record Get(GetItem.Request request) implements Compiled {
        public String table() {
            return request.tableName();
        }
    }

    record QueryRead(Query.Request request) implements Compiled {
        public String table() {
            return request.tableName();
        }
    }

    record ScanRead(Scan.Request request) implements Compiled {
        public String table() {
            return request.tableName();
        }
    }

    record Insert(PutItem.Request request) implements Compiled {
        public String table() {
            return request.tableName();
        }
    }

    record Update(UpdateItem.Request request) implements Compiled {
        public String table() {
            return request.tableName();
        }
    }

    record Delete(DeleteItem.Request request) implements Compiled {
        public String table() {
            return request.tableName();
        }
    }

    /** How a read pages: the page size, where the previous page ended, and the read's consistency. */
    record Paging(Integer limit, Map<String, AttributeValue> exclusiveStartKey, Boolean consistentRead) {
        static final Paging NONE = new Paging(null, null, null);
    }

    private final BiFunction<String, String, KeySchema> keySchemas;

    /** @param keySchemas the key schema of a table, or of its index when the second argument names one */
    StatementCompiler(BiFunction<String, String, KeySchema> keySchemas) {
        this.keySchemas = keySchemas;
    }

    Compiled compile(Statement statement, Paging paging, String returnValuesOnConditionCheckFailure) {
        if (statement instanceof Statement.Select select) {
            return select(select, paging);
        }
        KeySchema schema = keySchemas.apply(statement.table(), null);
        ExpressionText text = new ExpressionText();
        if (statement instanceof Statement.Insert insert) {
            String condition =
                    "attribute_not_exists(" + text.path(new Term.PathTerm(List.of(schema.partitionKey()))) + ")";
            return new Insert(new PutItem.Request(
                    insert.table(),
                    insert.item(),
                    null,
                    null,
                    null,
                    condition,
                    text.names(),
                    null,
                    returnValuesOnConditionCheckFailure));
        }
        List<Condition> rest = new ArrayList<>(conjuncts(
                statement instanceof Statement.Update update
                        ? update.where()
                        : ((Statement.Delete) statement).where()));
        Map<String, AttributeValue> key = wholeKey(schema, rest);
        if (key == null) {
            throw DynamoException.validation(
                    "Where clause does not contain a mandatory equality on all key " + "attributes");
        }
        if (statement instanceof Statement.Update update) {
            List<String> clauses = new ArrayList<>();
            if (!update.sets().isEmpty()) {
                clauses.add("SET "
                        + String.join(
                                ", ",
                                update.sets().stream()
                                        .map(set -> text.path(set.path()) + " = " + text.term(set.value()))
                                        .toList()));
            }
            if (!update.removes().isEmpty()) {
                clauses.add("REMOVE "
                        + String.join(
                                ", ", update.removes().stream().map(text::path).toList()));
            }
            String exists = "attribute_exists(" + text.path(new Term.PathTerm(List.of(schema.partitionKey()))) + ")";
            String more = text.all(rest);
            return new Update(new UpdateItem.Request(
                    update.table(),
                    key,
                    null,
                    null,
                    null,
                    null,
                    String.join(" ", clauses),
                    more == null ? exists : exists + " AND " + more,
                    text.names(),
                    text.values(),
                    returnValuesOnConditionCheckFailure));
        }
        return new Delete(new DeleteItem.Request(
                statement.table(),
                key,
                null,
                null,
                null,
                text.all(rest),
                text.names(),
                text.values(),
                returnValuesOnConditionCheckFailure));
    }

    private Compiled select(Statement.Select select, Paging paging) {
        KeySchema schema = keySchemas.apply(select.table(), select.index());
        List<Condition> rest = new ArrayList<>(conjuncts(select.where()));
        ExpressionText text = new ExpressionText();
        String projection = select.projection() == null
                ? null
                : String.join(", ", select.projection().stream().map(text::path).toList());
        if (select.index() == null && paging.exclusiveStartKey() == null) {
            List<Condition> afterKey = new ArrayList<>(rest);
            Map<String, AttributeValue> key = wholeKey(schema, afterKey);
            if (key != null && afterKey.isEmpty()) {
                return new Get(new GetItem.Request(
                        select.table(), key, paging.consistentRead(), null, null, projection, text.names()));
            }
        }
        Condition.Comparison partition = equality(rest, schema.partitionKey());
        if (partition != null) {
            rest.remove(partition);
            List<Condition> onSort = schema.hasSortKey()
                    ? rest.stream().filter(c -> references(c, schema.sortKey())).toList()
                    : List.of();
            boolean keysOnlyInKeyCondition = onSort.size() <= 1
                    && onSort.stream().allMatch(StatementCompiler::sortable)
                    && rest.stream()
                            .filter(c -> !onSort.contains(c))
                            .noneMatch(c -> references(c, schema.partitionKey())
                                    || schema.hasSortKey() && references(c, schema.sortKey()));
            if (keysOnlyInKeyCondition) {
                rest.removeAll(onSort);
                String keyCondition =
                        text.condition(partition) + (onSort.isEmpty() ? "" : " AND " + text.condition(onSort.get(0)));
                return new QueryRead(new Query.Request(
                        select.table(),
                        null,
                        null,
                        paging.limit(),
                        paging.exclusiveStartKey(),
                        null,
                        paging.consistentRead(),
                        null,
                        null,
                        keyCondition,
                        text.all(rest),
                        projection,
                        text.names(),
                        text.values(),
                        select.index()));
            }
            rest.add(0, partition);
        }
        return new ScanRead(new Scan.Request(
                select.table(),
                paging.limit(),
                paging.exclusiveStartKey(),
                null,
                null,
                null,
                paging.consistentRead(),
                null,
                null,
                text.all(rest),
                projection,
                text.names(),
                text.values(),
                select.index()));
    }

    /** The key the conditions name by equality on every key attribute, those equalities removed; else null. */
    private static Map<String, AttributeValue> wholeKey(KeySchema schema, List<Condition> conditions) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        List<String> names =
                schema.hasSortKey() ? List.of(schema.partitionKey(), schema.sortKey()) : List.of(schema.partitionKey());
        List<Condition> used = new ArrayList<>();
        for (String name : names) {
            Condition.Comparison equality = equality(conditions, name);
            if (equality == null) {
                return null;
            }
            key.put(name, literalOf(equality));
            used.add(equality);
        }
        conditions.removeAll(used);
        return key;
    }

    /** A {@code name = literal} (either way round) among the conditions, or null. */
    private static Condition.Comparison equality(List<Condition> conditions, String name) {
        for (Condition condition : conditions) {
            if (condition instanceof Condition.Comparison c
                    && c.operator().equals("=")
                    && (isAttribute(c.left(), name) && c.right() instanceof Term.Literal
                            || isAttribute(c.right(), name) && c.left() instanceof Term.Literal)) {
                return c;
            }
        }
        return null;
    }

    private static AttributeValue literalOf(Condition.Comparison equality) {
        return equality.left() instanceof Term.Literal l ? l.value() : ((Term.Literal) equality.right()).value();
    }

    /** Whether a sort key condition can be a Query's key condition: a comparison, BETWEEN or begins_with. */
    private static boolean sortable(Condition condition) {
        return condition instanceof Condition.Comparison c
                        && !c.operator().equals("<>")
                        && (c.left() instanceof Term.PathTerm && c.right() instanceof Term.Literal)
                || condition instanceof Condition.Between b
                        && b.value() instanceof Term.PathTerm
                        && b.lower() instanceof Term.Literal
                        && b.upper() instanceof Term.Literal
                || condition instanceof Condition.Function f
                        && f.name().equals("begins_with")
                        && f.arguments().get(0) instanceof Term.PathTerm
                        && f.arguments().get(1) instanceof Term.Literal;
    }

    private static boolean isAttribute(Term term, String name) {
        return term instanceof Term.PathTerm path
                && path.isTopLevel()
                && path.attribute().equals(name);
    }

    /** Whether a condition mentions the top-level attribute anywhere. */
    private static boolean references(Condition condition, String name) {
        if (condition instanceof Condition.And and) {
            return references(and.left(), name) || references(and.right(), name);
        }
        if (condition instanceof Condition.Or or) {
            return references(or.left(), name) || references(or.right(), name);
        }
        if (condition instanceof Condition.Not not) {
            return references(not.operand(), name);
        }
        List<Term> terms;
        if (condition instanceof Condition.Comparison c) {
            terms = List.of(c.left(), c.right());
        } else if (condition instanceof Condition.Between b) {
            terms = List.of(b.value(), b.lower(), b.upper());
        } else if (condition instanceof Condition.In in) {
            terms = concat(in.value(), in.candidates());
        } else if (condition instanceof Condition.Missing m) {
            terms = List.of(m.path());
        } else {
            terms = ((Condition.Function) condition).arguments();
        }
        return terms.stream().anyMatch(term -> mentions(term, name));
    }

    private static boolean mentions(Term term, String name) {
        if (term instanceof Term.PathTerm path) {
            return path.attribute().equals(name);
        }
        if (term instanceof Term.Arithmetic arithmetic) {
            return mentions(arithmetic.left(), name) || mentions(arithmetic.right(), name);
        }
        return term instanceof Term.Call call && call.arguments().stream().anyMatch(t -> mentions(t, name));
    }

    private static List<Term> concat(Term first, List<Term> rest) {
        List<Term> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    /** The top-level AND terms of a WHERE clause (none for no clause). */
    private static List<Condition> conjuncts(Condition where) {
        if (where == null) {
            return List.of();
        }
        if (where instanceof Condition.And and) {
            List<Condition> all = new ArrayList<>(conjuncts(and.left()));
            all.addAll(conjuncts(and.right()));
            return all;
        }
        return List.of(where);
    }
}
