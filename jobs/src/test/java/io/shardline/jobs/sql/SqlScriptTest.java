package io.shardline.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void statementsEndAtSemicolonsOutsideLiteralsIdentifiersAndComments() {
        assertThat(SqlScript.statements("""
                -- totals; per customer
                CREATE TABLE t (`a;b` STRING) WITH ('k' = 'v;w', 'q' = 'it''s; fine');
                /* a block; comment */ SELECT 1;;
                SELECT "x;y"
                """))
                .containsExactly(
                        "CREATE TABLE t (`a;b` STRING) WITH ('k' = 'v;w', 'q' = 'it''s; fine')",
                        "SELECT 1",
                        "SELECT \"x;y\"");
    }

    @Test
    void anUnclosedLiteralOrCommentIsRefusedSayingWhere() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'abc")).hasMessageContaining("A ' opened at character 7");
        assertThatThrownBy(() -> SqlScript.statements("SELECT 1 /* no end"))
                .hasMessageContaining("A comment opened at character 9 is never closed");
    }
}
