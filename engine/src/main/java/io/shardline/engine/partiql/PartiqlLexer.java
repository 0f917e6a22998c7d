package io.shardline.engine.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a PartiQL statement into tokens: keywords and bare identifiers (one kind, told apart by the
 * parser), "quoted" identifiers, 'strings', numbers, {@code ?} and punctuation, including the set
 * brackets {@code << >>}.
 */
final class PartiqlLexer {
    enum Kind {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        PARAMETER,
        SYMBOL,
        END
    }

    /** A token as written; QUOTED and STRING tokens without their quotes, doubled quotes made single. */
    record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.toUpperCase(Locale.ROOT).equals(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private static final Set<String> TWO_CHARACTER_SYMBOLS = Set.of("<=", ">=", "<>", "!=", "<<", ">>");

    private PartiqlLexer() {}

    static List<Token> tokens(String statement) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < statement.length()
                        && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, statement.substring(i, end), i));
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int end = i + 1;
                while (true) {
                    if (end >= statement.length()) {
                        throw PartiqlErrors.malformed(
                                "unterminated " + (c == '"' ? "identifier" : "string") + " at position " + i);
                    }
                    char d = statement.charAt(end);
                    if (d == c && end + 1 < statement.length() && statement.charAt(end + 1) == c) {
                        text.append(c);
                        end += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        text.append(d);
                        end++;
                    }
                }
                tokens.add(new Token(c == '"' ? Kind.QUOTED : Kind.STRING, text.toString(), i));
                i = end + 1;
            } else if (Character.isDigit(c)
                    || (c == '-' || c == '.')
                            && i + 1 < statement.length()
                            && Character.isDigit(statement.charAt(i + 1))
                            && startsNumber(tokens)) {
                int end = i + 1;
                while (end < statement.length()
                        && (Character.isDigit(statement.charAt(end))
                                || ".eE".indexOf(statement.charAt(end)) >= 0
                                || "+-".indexOf(statement.charAt(end)) >= 0
                                        && "eE".indexOf(statement.charAt(end - 1)) >= 0)) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, statement.substring(i, end), i));
                i = end;
            } else if (c == '?') {
                tokens.add(new Token(Kind.PARAMETER, "?", i));
                i++;
            } else {
                String two = i + 1 < statement.length() ? statement.substring(i, i + 2) : "";
                if (TWO_CHARACTER_SYMBOLS.contains(two)) {
                    tokens.add(new Token(Kind.SYMBOL, two, i));
                    i += 2;
                } else if ("()[]{},.:=<>+-*".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                } else {
                    throw PartiqlErrors.malformed("unexpected character '" + c + "' at position " + i);
                }
            }
        }
        tokens.add(new Token(Kind.END, "", statement.length()));
        return tokens;
    }

    /** A minus sign starts a number only where an operand may start, not after one ({@code a-1}). */
    private static boolean startsNumber(List<Token> before) {
        if (before.isEmpty()) {
            return true;
        }
        Token last = before.get(before.size() - 1);
        return last.kind() == Kind.SYMBOL
                        && !last.text().equals(")")
                        && !last.text().equals("]")
                || last.kind() == Kind.WORD && isOperatorWord(last.text());
    }

    private static boolean isOperatorWord(String word) {
        return Set.of("AND", "OR", "NOT", "IN", "BETWEEN", "VALUE", "WHERE", "SET")
                .contains(word.toUpperCase(Locale.ROOT));
    }
}
