package io.shardline.items.expr;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses DynamoDB expressions by recursive descent. Every malformed input fails with a
 * ValidationException naming the problem and where it is; nothing else escapes.
 *
 * <p>Condition precedence, loosest first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions;
 * parentheses group.
 */
public final class ExpressionParser {
    static final int MAX_IN_OPERANDS = 100;
    static final int MAX_NESTING = 100;
    /** DynamoDB's limit on the length of an expression, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** DynamoDB's limit on the operators and functions of an expression; it also bounds the parse tree's depth. */
    static final int MAX_OPERATORS = 300;

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> GRAMMAR_WORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final ExpressionKind kind;
    private final String text;
    private final List<Token> tokens;
    private final ExpressionAttributes attributes;
    private int at;
    private int nesting;
    private int operators;

    private ExpressionParser(ExpressionKind kind, String text, ExpressionAttributes attributes) {
        if (text == null || text.isBlank()) {
            throw ExpressionErrors.invalid(kind, "The expression can not be empty;");
        }
        // a character is 1 to 3 UTF-8 bytes here, so only a long text needs its bytes counted
        int bytes = text.length() * 3 <= MAX_EXPRESSION_BYTES
                ? text.length()
                : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw ExpressionErrors.invalid(
                    kind,
                    "Expression size has exceeded the maximum allowed size; expression " + "size: " + bytes
                            + " bytes, limit: " + MAX_EXPRESSION_BYTES);
        }
        this.kind = kind;
        this.text = text;
        this.attributes = attributes;
        this.tokens = Tokenizer.tokenize(text, kind);
    }

    /** A condition, filter or key condition expression. */
    public static BooleanExpression condition(ExpressionKind kind, String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(kind, text, attributes);
        BooleanExpression expression = parser.or();
        parser.expectEnd();
        return expression;
    }

    /** An update expression: its SET, REMOVE, ADD and DELETE actions in the order written. */
    public static List<UpdateAction> update(String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(ExpressionKind.UPDATE, text, attributes);
        List<UpdateAction> actions = parser.updateClauses();
        parser.checkNoOverlap(actions.stream().map(UpdateAction::path).toList());
        return actions;
    }

    /** A projection expression: the paths to return. */
    public static List<Path> projection(String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(ExpressionKind.PROJECTION, text, attributes);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(Token.Kind.COMMA));
        parser.expectEnd();
        parser.checkNoOverlap(paths);
        return paths;
    }

    private BooleanExpression or() {
        BooleanExpression left = and();
        while (peek().isKeyword("OR")) {
            operator();
            at++;
            left = new BooleanExpression.Or(left, and());
        }
        return left;
    }

    private BooleanExpression and() {
        BooleanExpression left = not();
        while (peek().isKeyword("AND")) {
            operator();
            at++;
            left = new BooleanExpression.And(left, not());
        }
        return left;
    }

    private BooleanExpression not() {
        if (peek().isKeyword("NOT")) {
            operator();
            at++;
            enter();
            BooleanExpression negated = new BooleanExpression.Not(not());
            nesting--;
            return negated;
        }
        return primary();
    }

    /** Counts one operator or function against {@link #MAX_OPERATORS}. */
    private void operator() {
        if (++operators > MAX_OPERATORS) {
            throw ExpressionErrors.invalid(
                    kind,
                    "The expression contains too many operators; the limit is " + MAX_OPERATORS
                            + ", exceeded at position " + peek().position());
        }
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw ExpressionErrors.invalid(
                    kind,
                    "The expression nests more than " + MAX_NESTING + " levels deep at position " + peek().position());
        }
    }

    private BooleanExpression primary() {
        if (accept(Token.Kind.LPAREN)) {
            enter();
            BooleanExpression inner = or();
            expect(Token.Kind.RPAREN);
            nesting--;
            return inner;
        }
        Token first = peek();
        if (first.kind() == Token.Kind.NAME
                && peekAt(1).kind() == Token.Kind.LPAREN
                && !first.text().equals("size")) {
            return function();
        }
        Operand left = operand();
        Token op = next();
        BooleanExpression.Comparator comparator = comparator(op);
        if (comparator != null) {
            Operand right = operand();
            if (comparator.ordering()) {
                checkOrderable(comparator.symbol(), left);
                checkOrderable(comparator.symbol(), right);
            }
            return new BooleanExpression.Comparison(left, comparator, right);
        }
        if (op.isKeyword("BETWEEN")) {
            Operand lower = operand();
            if (!next().isKeyword("AND")) {
                throw syntaxError(tokens.get(at - 1));
            }
            Operand upper = operand();
            for (Operand o : List.of(left, lower, upper)) {
                checkOrderable("BETWEEN", o);
            }
            checkBounds(lower, upper);
            return new BooleanExpression.Between(left, lower, upper);
        }
        if (op.isKeyword("IN")) {
            expect(Token.Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RPAREN);
            if (candidates.size() > MAX_IN_OPERANDS) {
                throw ExpressionErrors.invalid(
                        kind,
                        "The IN operator is provided with too many operands; number of " + "operands: "
                                + candidates.size());
            }
            return new BooleanExpression.In(left, candidates);
        }
        throw syntaxError(op);
    }

    private BooleanExpression function() {
        Token name = next();
        if (!CONDITION_FUNCTIONS.contains(name.text())) {
            throw ExpressionErrors.invalid(
                    kind, "Invalid function name; function: " + name.text() + " at position " + name.position());
        }
        List<Operand> arguments = arguments();
        int arity = name.text().startsWith("attribute_") && !name.text().equals("attribute_type") ? 1 : 2;
        if (arguments.size() != arity) {
            throw ExpressionErrors.invalid(
                    kind,
                    "Incorrect number of operands for operator or function; operator or " + "function: " + name.text()
                            + ", number of operands: " + arguments.size());
        }
        if (!(arguments.get(0) instanceof Operand.PathOperand)) {
            throw ExpressionErrors.invalid(
                    kind, "Operator or function requires a document path; operator or " + "function: " + name.text());
        }
        if (arity == 2 && arguments.get(1) instanceof Operand.Value value) {
            checkFunctionValue(name.text(), value.value());
        }
        return new BooleanExpression.Function(name.text(), arguments);
    }

    private void checkFunctionValue(String function, AttributeValue value) {
        if (function.equals("attribute_type")) {
            if (!(value instanceof AttributeValue.S s) || !TYPE_NAMES.contains(s.value())) {
                throw ExpressionErrors.invalid(
                        kind,
                        "Invalid attribute type name found; type: " + shown(value) + ", valid types: "
                                + new TreeSet<>(TYPE_NAMES));
            }
        } else if (function.equals("begins_with")
                && !(value instanceof AttributeValue.S)
                && !(value instanceof AttributeValue.B)) {
            throw incorrectOperand(function, value);
        }
    }

    /** A function's parenthesized arguments; each call counts as an operator and a nesting level. */
    private List<Operand> arguments() {
        operator();
        expect(Token.Kind.LPAREN);
        enter();
        List<Operand> arguments = new ArrayList<>();
        do {
            arguments.add(operand());
        } while (accept(Token.Kind.COMMA));
        expect(Token.Kind.RPAREN);
        nesting--;
        return arguments;
    }

    private Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME
                && token.text().equals("size")
                && peekAt(1).kind() == Token.Kind.LPAREN) {
            at++;
            List<Operand> arguments = arguments();
            if (arguments.size() != 1) {
                throw ExpressionErrors.invalid(
                        kind,
                        "Incorrect number of operands for operator or function; "
                                + "operator or function: size, number of operands: " + arguments.size());
            }
            if (!(arguments.get(0) instanceof Operand.PathOperand path)) {
                throw ExpressionErrors.invalid(
                        kind, "Operator or function requires a document path; operator or " + "function: size");
            }
            return new Operand.Size(path.path());
        }
        if (token.kind() == Token.Kind.VALUE_REF) {
            at++;
            return new Operand.Value(token.text(), attributes.value(token.text()));
        }
        if (token.kind() == Token.Kind.NAME && peekAt(1).kind() == Token.Kind.LPAREN) {
            throw ExpressionErrors.invalid(
                    kind, "Invalid function name; function: " + token.text() + " at position " + token.position());
        }
        return new Operand.PathOperand(path());
    }

    private Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(name());
            } else if (accept(Token.Kind.LBRACKET)) {
                Token index = next();
                if (index.kind() != Token.Kind.INDEX) {
                    throw syntaxError(index);
                }
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw ExpressionErrors.invalid(kind, "List index is out of range; index: " + index.text());
                }
                expect(Token.Kind.RBRACKET);
            } else {
                return new Path(elements);
            }
            if (elements.size() > AttributeValue.MAX_DEPTH + 1) {
                throw ExpressionErrors.invalid(
                        kind,
                        "The document path has too many nesting levels; the limit is " + AttributeValue.MAX_DEPTH
                                + ", exceeded at position " + peek().position());
            }
        }
    }

    private String name() {
        Token token = next();
        if (token.kind() == Token.Kind.NAME_REF) {
            return attributes.name(token.text());
        }
        if (token.kind() != Token.Kind.NAME
                || GRAMMAR_WORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
            throw syntaxError(token);
        }
        if (ReservedWords.contains(token.text())) {
            throw ExpressionErrors.invalid(
                    kind,
                    "Attribute name is a reserved keyword; reserved keyword: " + token.text() + " at position "
                            + token.position());
        }
        return token.text();
    }

    private List<UpdateAction> updateClauses() {
        List<UpdateAction> actions = new ArrayList<>();
        EnumSet<Clause> seen = EnumSet.noneOf(Clause.class);
        while (peek().kind() != Token.Kind.END) {
            Token keyword = next();
            Clause clause = Clause.of(keyword);
            if (clause == null) {
                throw syntaxError(keyword);
            }
            if (!seen.add(clause)) {
                throw ExpressionErrors.invalid(
                        kind, "The \"" + clause + "\" section can only be used once in an " + "update expression;");
            }
            do {
                operator();
                Path path = path();
                switch (clause) {
                    case SET -> {
                        expect(Token.Kind.EQ);
                        actions.add(new UpdateAction.Set(path, setValue()));
                    }
                    case REMOVE -> actions.add(new UpdateAction.Remove(path));
                    case ADD -> actions.add(new UpdateAction.Add(path, valueOperand("ADD")));
                    case DELETE -> actions.add(new UpdateAction.Delete(path, valueOperand("DELETE")));
                }
            } while (accept(Token.Kind.COMMA));
        }
        return actions;
    }

    private enum Clause {
        SET,
        REMOVE,
        ADD,
        DELETE;

        static Clause of(Token token) {
            for (Clause clause : values()) {
                if (token.isKeyword(clause.name())) {
                    return clause;
                }
            }
            return null;
        }
    }

    private Operand.Value valueOperand(String action) {
        Token token = next();
        if (token.kind() != Token.Kind.VALUE_REF) {
            throw syntaxError(token);
        }
        Operand.Value value = new Operand.Value(token.text(), attributes.value(token.text()));
        AttributeValue v = value.value();
        boolean set =
                v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
        if (!set && !(action.equals("ADD") && v instanceof AttributeValue.N)) {
            throw ExpressionErrors.invalid(
                    kind,
                    "Incorrect operand type for operator or function; operator: " + action + ", operand type: "
                            + typeName(v));
        }
        return value;
    }

    private Operand setValue() {
        Operand left = setOperand();
        if (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
            operator();
            boolean plus = next().kind() == Token.Kind.PLUS;
            Operand right = setOperand();
            for (Operand side : List.of(left, right)) {
                if (side instanceof Operand.Value v && !(v.value() instanceof AttributeValue.N)) {
                    throw incorrectOperand(plus ? "+" : "-", v.value());
                }
            }
            return new Operand.Arithmetic(left, plus, right);
        }
        return left;
    }

    private Operand setOperand() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME && peekAt(1).kind() == Token.Kind.LPAREN) {
            operator();
            at += 2;
            enter();
            Operand result;
            if (token.text().equals("if_not_exists")) {
                Operand target = setOperand();
                if (!(target instanceof Operand.PathOperand path)) {
                    throw ExpressionErrors.invalid(
                            kind,
                            "Operator or function requires a document path; operator " + "or function: if_not_exists");
                }
                expect(Token.Kind.COMMA);
                result = new Operand.IfNotExists(path.path(), setOperand());
            } else if (token.text().equals("list_append")) {
                Operand first = setOperand();
                expect(Token.Kind.COMMA);
                Operand second = setOperand();
                for (Operand side : List.of(first, second)) {
                    if (side instanceof Operand.Value v && !(v.value() instanceof AttributeValue.L)) {
                        throw incorrectOperand("list_append", v.value());
                    }
                }
                result = new Operand.ListAppend(first, second);
            } else {
                throw ExpressionErrors.invalid(
                        kind, "Invalid function name; function: " + token.text() + " at position " + token.position());
            }
            expect(Token.Kind.RPAREN);
            nesting--;
            return result;
        }
        if (token.kind() == Token.Kind.VALUE_REF) {
            at++;
            return new Operand.Value(token.text(), attributes.value(token.text()));
        }
        return new Operand.PathOperand(path());
    }

    private void checkOrderable(String operator, Operand operand) {
        if (operand instanceof Operand.Value v
                && !(v.value() instanceof AttributeValue.N)
                && !(v.value() instanceof AttributeValue.S)
                && !(v.value() instanceof AttributeValue.B)) {
            throw incorrectOperand(operator, v.value());
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        if (lower instanceof Operand.Value low
                && upper instanceof Operand.Value high
                && low.value().type().equals(high.value().type())
                && Values.compare(low.value(), high.value()) > 0) {
            throw ExpressionErrors.invalid(
                    kind,
                    "The BETWEEN operator requires upper bound to be greater than or "
                            + "equal to lower bound; lower bound operand: AttributeValue: {" + shown(low.value())
                            + "}, upper bound operand: AttributeValue: {" + shown(high.value()) + "}");
        }
    }

    private DynamoException incorrectOperand(String operator, AttributeValue value) {
        return ExpressionErrors.invalid(
                kind,
                "Incorrect operand type for operator or function; operator or " + "function: " + operator
                        + ", operand type: " + typeName(value));
    }

    static String typeName(AttributeValue value) {
        return switch (value.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "SS" -> "STRING_SET";
            case "NS" -> "NUMBER_SET";
            case "BS" -> "BINARY_SET";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> value.type().toUpperCase(Locale.ROOT);
        };
    }

    private static String shown(AttributeValue value) {
        return value.type() + ":"
                + (value instanceof AttributeValue.S s
                        ? s.value()
                        : value instanceof AttributeValue.N n ? n.value().toString() : value.toString());
    }

    private static BooleanExpression.Comparator comparator(Token token) {
        return switch (token.kind()) {
            case EQ -> BooleanExpression.Comparator.EQ;
            case NE -> BooleanExpression.Comparator.NE;
            case LT -> BooleanExpression.Comparator.LT;
            case LE -> BooleanExpression.Comparator.LE;
            case GT -> BooleanExpression.Comparator.GT;
            case GE -> BooleanExpression.Comparator.GE;
            default -> null;
        };
    }

    private void checkNoOverlap(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw ExpressionErrors.invalid(
                            kind,
                            "Two document paths overlap with each other; must remove or "
                                    + "rewrite one of these paths; path one: " + paths.get(i) + ", path two: "
                                    + paths.get(j));
                }
            }
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(Token.Kind kindWanted) {
        if (peek().kind() == kindWanted) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind kindWanted) {
        Token token = next();
        if (token.kind() != kindWanted) {
            throw syntaxError(token);
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw syntaxError(peek());
        }
    }

    private DynamoException syntaxError(Token token) {
        return ExpressionErrors.syntax(kind, text, token.text(), token.position());
    }
}
