package io.shardline.items.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; any character that cannot start a token is a syntax error. */
final class Tokenizer {
    private Tokenizer() {}

    static List<Token> tokenize(String text, ExpressionKind kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Token.Kind single = single(c);
            if (single != null) {
                tokens.add(new Token(single, String.valueOf(c), start));
                i++;
            } else if (c == '<' || c == '>') {
                boolean twoChars =
                        i + 1 < text.length() && (text.charAt(i + 1) == '=' || (c == '<' && text.charAt(i + 1) == '>'));
                String op = twoChars ? text.substring(i, i + 2) : String.valueOf(c);
                tokens.add(new Token(
                        switch (op) {
                            case "<" -> Token.Kind.LT;
                            case "<=" -> Token.Kind.LE;
                            case "<>" -> Token.Kind.NE;
                            case ">" -> Token.Kind.GT;
                            default -> Token.Kind.GE;
                        },
                        op,
                        start));
                i += op.length();
            } else if (c == '#' || c == ':') {
                i++;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw ExpressionErrors.syntax(kind, text, String.valueOf(c), start);
                }
                tokens.add(new Token(
                        c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, text.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.INDEX, text.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NAME, text.substring(start, i), start));
            } else {
                throw ExpressionErrors.syntax(
                        kind, text, text.substring(start, text.offsetByCodePoints(start, 1)), start);
            }
        }
        tokens.add(new Token(Token.Kind.END, "<EOF>", text.length()));
        return tokens;
    }

    private static Token.Kind single(char c) {
        return switch (c) {
            case '(' -> Token.Kind.LPAREN;
            case ')' -> Token.Kind.RPAREN;
            case '[' -> Token.Kind.LBRACKET;
            case ']' -> Token.Kind.RBRACKET;
            case ',' -> Token.Kind.COMMA;
            case '.' -> Token.Kind.DOT;
            case '=' -> Token.Kind.EQ;
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            default -> null;
        };
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
