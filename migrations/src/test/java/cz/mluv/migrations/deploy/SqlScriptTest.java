package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void semicolonsInsideBodiesQuotesAndCommentsDoNotEndAStatement() {
        SqlScript script = SqlScript.parse("""
                -- a comment; with a semicolon
                DO $$
                BEGIN
                    RAISE NOTICE 'one; two';
                END
                $$;
                /* block; /* nested; */ still comment; */
                SELECT 'it''s; fine', E'back\\'slash;', "odd;name" FROM t;
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
                -- only a comment at the end;
                """);
        assertEquals(3, script.statements().size(), script.statements()::toString);
        assertTrue(script.statements().get(0).startsWith("-- a comment; with a semicolon\nDO $$"));
        assertTrue(script.statements().get(0).endsWith("END\n$$"));
        assertTrue(script.statements().get(1).endsWith("SELECT 'it''s; fine', E'back\\'slash;', \"odd;name\" FROM t"),
                script.statements().get(1));
        assertEquals("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$", script.statements().get(2));
    }

    @Test
    void concurrentIndexStatementsRunOutsideATransaction() {
        assertTrue(SqlScript.runsOutsideTransaction("-- why\nDROP INDEX CONCURRENTLY IF EXISTS x"));
        assertTrue(SqlScript.runsOutsideTransaction("create unique index concurrently x on t (a)"));
        assertTrue(SqlScript.runsOutsideTransaction("REINDEX INDEX CONCURRENTLY x"));
        assertFalse(SqlScript.runsOutsideTransaction("DROP INDEX IF EXISTS x"));
        assertFalse(SqlScript.runsOutsideTransaction("SELECT 'CREATE INDEX CONCURRENTLY'"));
    }

    @Test
    void theRollbackScriptsOfTheIndexesRunOutsideATransactionAndTheOthersInOne() throws Exception {
        assertEquals(List.of(true, false, true, true), List.of("R1__schema.sql", "R2__performance_indexes.sql",
                "R3__user_stats_summary.sql", "R4__verifier_role.sql").stream().map(SqlScriptTest::transactional).toList());
    }

    private static boolean transactional(String file) {
        try (var in = SqlScriptTest.class.getClassLoader().getResourceAsStream("db/rollback/" + file)) {
            return SqlScript.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).transactional();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
