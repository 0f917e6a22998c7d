package io.shardline.engine.partiql;

import io.shardline.engine.partiql.PartiqlLexer.Kind;
import io.shardline.engine.partiql.PartiqlLexer.Token;
import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import io.shardline.items.DynamoException;
import io.shardline.items.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the PartiQL statements DynamoDB supports: SELECT (of whole items or paths, from a table or
 * {@code "table"."index"}), INSERT INTO ... VALUE {...}, UPDATE ... SET/REMOVE ... WHERE and DELETE FROM
 * ... WHERE, with literals (strings, numbers, booleans, NULL, lists, maps, {@code << sets >>}) and
 * {@code ?} parameters taken in order from the request.
 */
final class PartiqlParser {
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("begins_with", "contains", "attribute_type");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private final List<AttributeValue> parameters;
    private int next;
    private int parametersUsed;

    private PartiqlParser(String statement, List<AttributeValue> parameters) {
        this.tokens = PartiqlLexer.tokens(statement);
        this.parameters = parameters == null ? List.of() : parameters;
    }

    static Statement parse(String statement, List<AttributeValue> parameters) {
        PartiqlParser parser = new PartiqlParser(statement, parameters);
        Statement parsed = parser.statement();
        if (parser.peek().isWord("RETURNING") || parser.peek().isWord("ORDER")) {
            throw PartiqlErrors.unsupported(parser.peek().text().toUpperCase(Locale.ROOT)
                    + " clauses are not supported by the Shardline engine (docs/engine.md, PartiQL)");
        }
        if (parser.peek().kind() != Kind.END) {
            throw PartiqlErrors.malformed("unexpected '" + parser.peek().text() + "' at position "
                    + parser.peek().position());
        }
        if (parser.parametersUsed != parser.parameters.size()) {
            throw DynamoException.validation("Number of parameters in request and statement don't match.");
        }
        return parsed;
    }

    private Statement statement() {
        Token first = advance();
        if (first.isWord("SELECT")) {
            return select();
        }
        if (first.isWord("INSERT")) {
            expectWord("INTO");
            String table = name();
            expectWord("VALUE");
            Term item = operand();
            if (!(item instanceof Term.Literal literal) || !(literal.value() instanceof AttributeValue.M map)) {
                throw PartiqlErrors.malformed("INSERT takes one item, a map literal {...}, after VALUE");
            }
            return new Statement.Insert(table, map.value());
        }
        if (first.isWord("UPDATE")) {
            return update();
        }
        if (first.isWord("DELETE")) {
            expectWord("FROM");
            String table = name();
            expectWord("WHERE");
            return new Statement.Delete(table, condition());
        }
        throw PartiqlErrors.malformed(
                "a statement starts with SELECT, INSERT, UPDATE or DELETE, not '" + first.text() + "'");
    }

    private Statement select() {
        List<Term.PathTerm> projection = null;
        if (peek().isSymbol("*")) {
            advance();
        } else {
            projection = new ArrayList<>();
            do {
                projection.add(path());
            } while (accept(","));
        }
        expectWord("FROM");
        String table = name();
        String index = accept(".") ? name() : null;
        Condition where = null;
        if (peek().isWord("WHERE")) {
            advance();
            where = condition();
        }
        return new Statement.Select(table, index, projection, where);
    }

    private Statement update() {
        String table = name();
        List<Statement.Assignment> sets = new ArrayList<>();
        List<Term.PathTerm> removes = new ArrayList<>();
        while (peek().isWord("SET") || peek().isWord("REMOVE")) {
            boolean set = advance().isWord("SET");
            do {
                Term.PathTerm path = path();
                if (set) {
                    expectSymbol("=");
                    sets.add(new Statement.Assignment(path, term()));
                } else {
                    removes.add(path);
                }
            } while (accept(","));
        }
        if (sets.isEmpty() && removes.isEmpty()) {
            throw PartiqlErrors.malformed("UPDATE needs at least one SET or REMOVE clause");
        }
        expectWord("WHERE");
        return new Statement.Update(table, sets, removes, condition());
    }

    private Condition condition() {
        Condition left = conjunction();
        while (peek().isWord("OR")) {
            advance();
            left = new Condition.Or(left, conjunction());
        }
        return left;
    }

    private Condition conjunction() {
        Condition left = negation();
        while (peek().isWord("AND")) {
            advance();
            left = new Condition.And(left, negation());
        }
        return left;
    }

    private Condition negation() {
        if (peek().isWord("NOT")) {
            advance();
            return new Condition.Not(negation());
        }
        return predicate();
    }

    private Condition predicate() {
        if (peek().isSymbol("(")) {
            advance();
            Condition inner = condition();
            expectSymbol(")");
            return inner;
        }
        Token start = peek();
        if (start.kind() == Kind.WORD
                && CONDITION_FUNCTIONS.contains(start.text().toLowerCase(Locale.ROOT))
                && tokens.get(next + 1).isSymbol("(")) {
            advance();
            return new Condition.Function(start.text().toLowerCase(Locale.ROOT), arguments());
        }
        Term left = term();
        Token operator = peek();
        if (operator.kind() == Kind.SYMBOL && COMPARISONS.contains(operator.text())) {
            advance();
            return new Condition.Comparison(left, operator.text().equals("!=") ? "<>" : operator.text(), term());
        }
        if (operator.isWord("BETWEEN")) {
            advance();
            Term lower = term();
            expectWord("AND");
            return new Condition.Between(left, lower, term());
        }
        if (operator.isWord("IN")) {
            advance();
            String close = accept("[") ? "]" : null;
            if (close == null) {
                expectSymbol("(");
                close = ")";
            }
            List<Term> candidates = new ArrayList<>();
            do {
                candidates.add(term());
            } while (accept(","));
            expectSymbol(close);
            return new Condition.In(left, candidates);
        }
        if (operator.isWord("IS")) {
            advance();
            boolean negated = peek().isWord("NOT");
            if (negated) {
                advance();
            }
            if (!(left instanceof Term.PathTerm path)) {
                throw PartiqlErrors.malformed("IS " + (negated ? "NOT " : "") + "MISSING applies to an attribute path");
            }
            if (peek().isWord("MISSING")) {
                advance();
                return new Condition.Missing(path, negated);
            }
            expectWord("NULL");
            Condition isNull = new Condition.Function(
                    "attribute_type", List.of(path, new Term.Literal(new AttributeValue.S("NULL"))));
            return negated ? new Condition.Not(isNull) : isNull;
        }
        throw PartiqlErrors.malformed("expected a comparison after the operand at position " + start.position()
                + ", found '" + operator.text() + "'");
    }

    private List<Term> arguments() {
        expectSymbol("(");
        List<Term> arguments = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            do {
                arguments.add(term());
            } while (accept(","));
        }
        expectSymbol(")");
        return arguments;
    }

    private Term term() {
        Term left = operand();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            boolean plus = advance().text().equals("+");
            left = new Term.Arithmetic(left, plus, operand());
        }
        return left;
    }

    private Term operand() {
        Token token = peek();
        switch (token.kind()) {
            case PARAMETER -> {
                advance();
                if (parametersUsed >= parameters.size()) {
                    throw DynamoException.validation("Number of parameters in request and statement don't match.");
                }
                return new Term.Literal(parameters.get(parametersUsed++));
            }
            case STRING -> {
                advance();
                return new Term.Literal(new AttributeValue.S(token.text()));
            }
            case NUMBER -> {
                advance();
                return new Term.Literal(new AttributeValue.N(DynamoNumber.parse(token.text())));
            }
            case SYMBOL -> {
                if (token.isSymbol("[")) {
                    advance();
                    List<AttributeValue> elements = new ArrayList<>();
                    if (!peek().isSymbol("]")) {
                        do {
                            elements.add(literal());
                        } while (accept(","));
                    }
                    expectSymbol("]");
                    return new Term.Literal(new AttributeValue.L(elements));
                }
                if (token.isSymbol("{")) {
                    advance();
                    Map<String, AttributeValue> entries = new LinkedHashMap<>();
                    if (!peek().isSymbol("}")) {
                        do {
                            Token key = advance();
                            if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED) {
                                throw PartiqlErrors.malformed("a map key is a 'string', not '" + key.text() + "'");
                            }
                            expectSymbol(":");
                            entries.put(key.text(), literal());
                        } while (accept(","));
                    }
                    expectSymbol("}");
                    return new Term.Literal(new AttributeValue.M(entries));
                }
                if (token.isSymbol("<<")) {
                    advance();
                    List<AttributeValue> elements = new ArrayList<>();
                    do {
                        elements.add(literal());
                    } while (accept(","));
                    expectSymbol(">>");
                    return new Term.Literal(set(elements));
                }
                throw PartiqlErrors.malformed("unexpected '" + token.text() + "' at position " + token.position());
            }
            case WORD -> {
                String word = token.text().toUpperCase(Locale.ROOT);
                if (word.equals("TRUE") || word.equals("FALSE")) {
                    advance();
                    return new Term.Literal(new AttributeValue.BOOL(word.equals("TRUE")));
                }
                if (word.equals("NULL")) {
                    advance();
                    return new Term.Literal(new AttributeValue.NULL());
                }
                if (tokens.get(next + 1).isSymbol("(")) {
                    advance();
                    return new Term.Call(token.text().toLowerCase(Locale.ROOT), arguments());
                }
                return path();
            }
            case QUOTED -> {
                return path();
            }
            default -> throw PartiqlErrors.malformed("the statement ends where an operand was expected");
        }
    }

    private AttributeValue literal() {
        Term term = operand();
        if (!(term instanceof Term.Literal literal)) {
            throw PartiqlErrors.malformed("only literals and parameters may stand inside a list, map or set");
        }
        return literal.value();
    }

    private static AttributeValue set(List<AttributeValue> elements) {
        String type = elements.get(0).type();
        for (AttributeValue element : elements) {
            if (!element.type().equals(type) || !Set.of("S", "N", "B").contains(type)) {
                throw DynamoException.validation("A set holds strings, numbers or binaries of one type, not "
                        + element.type() + " beside " + type);
            }
        }
        Set<Object> members = new LinkedHashSet<>();
        for (AttributeValue element : elements) {
            if (element instanceof AttributeValue.S s) {
                members.add(s.value());
            } else if (element instanceof AttributeValue.N n) {
                members.add(n.value());
            } else {
                members.add(((AttributeValue.B) element).value());
            }
        }
        return switch (type) {
            case "S" ->
                AttributeValue.SS.of(members.stream().map(String.class::cast).toList());
            case "N" ->
                AttributeValue.NS.of(
                        members.stream().map(DynamoNumber.class::cast).toList());
            default ->
                AttributeValue.BS.of(members.stream().map(Bytes.class::cast).toList());
        };
    }

    private Term.PathTerm path() {
        List<Object> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (peek().isSymbol(".") && tokens.get(next + 1).kind() != Kind.END) {
                advance();
                elements.add(name());
            } else if (peek().isSymbol("[")) {
                advance();
                Token index = advance();
                if (index.kind() != Kind.NUMBER || !index.text().matches("\\d+")) {
                    throw PartiqlErrors.malformed("a list index is a whole number, not '" + index.text() + "'");
                }
                elements.add(Integer.parseInt(index.text()));
                expectSymbol("]");
            } else {
                return new Term.PathTerm(elements);
            }
        }
    }

    private String name() {
        Token token = advance();
        if (token.kind() != Kind.WORD && token.kind() != Kind.QUOTED) {
            throw PartiqlErrors.malformed(
                    "expected a name at position " + token.position() + ", found '" + token.text() + "'");
        }
        return token.text();
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        if (!accept(symbol)) {
            throw PartiqlErrors.malformed(
                    "expected '" + symbol + "' at position " + peek().position() + ", found '" + peek().text() + "'");
        }
    }

    private void expectWord(String word) {
        if (!peek().isWord(word)) {
            throw PartiqlErrors.malformed(
                    "expected " + word + " at position " + peek().position() + ", found '" + peek().text() + "'");
        }
        next++;
    }
}
