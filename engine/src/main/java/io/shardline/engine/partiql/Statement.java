package io.shardline.engine.partiql;

import io.shardline.items.AttributeValue;
import java.util.List;
import java.util.Map;

/** A parsed PartiQL statement of the forms DynamoDB supports. */
sealed interface Statement {

    /** SELECT of whole items ({@code projection} null) or of paths, from a table or one of its indexes. */
    record Select(String table, String index, List<Term.PathTerm> projection, Condition where) implements Statement {}

    /** INSERT INTO table VALUE {...}: creates an item that must not exist yet. */
    record Insert(String table, Map<String, AttributeValue> item) implements Statement {}

    /** UPDATE table SET ... REMOVE ... WHERE key [AND condition]: changes an item that must exist. */
    record Update(String table, List<Assignment> sets, List<Term.PathTerm> removes, Condition where)
            implements Statement {}

    /** DELETE FROM table WHERE key [AND condition]. */
    record Delete(String table, Condition where) implements Statement {}

    /** {@code SET path = value}. */
    record Assignment(Term.PathTerm path, Term value) {}

    String table();
}
