package io.shardline.items.expr;

/** One lexical token of an expression, with its position (0-based character offset). */
record Token(Kind kind, String text, int position) {
    enum Kind {
        NAME,
        NAME_REF,
        VALUE_REF,
        INDEX,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        DOT,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE,
        PLUS,
        MINUS,
        END
    }

    /** Whether this is the given keyword, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }
}
