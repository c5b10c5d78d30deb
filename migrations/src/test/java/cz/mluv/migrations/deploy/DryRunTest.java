package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DryRunTest {

    private static TestPostgres.Database atVersionTwo;

    @BeforeAll
    static void databaseAtVersionTwo() {
        atVersionTwo = TestPostgres.newDatabase("dry_run");
        assertEquals(0, Cli.run(atVersionTwo, "migrate", "--target", "2").exitCode());
    }

    @Test
    void printsThePendingScriptsInOrderAndChangesNothing() {
        List<String> relations = Sql.relations(atVersionTwo);
        long historyRows = Sql.number(atVersionTwo, "SELECT count(*) FROM flyway_schema_history");

        Cli.Result r = Cli.run(atVersionTwo, "dry-run");

        assertEquals(0, r.exitCode(), r::toString);
        String out = r.out();
        int v3 = out.indexOf("-- ==== V3 user stats summary (db/migration/V3__user_stats_summary.sql) ====");
        int v4 = out.indexOf("-- ==== V4 verifier role (db/migration/V4__verifier_role.sql) ====");
        assertTrue(v3 > 0 && v4 > v3, out);
        assertTrue(out.indexOf("CREATE MATERIALIZED VIEW IF NOT EXISTS user_stats_summary AS") > v3, out);
        assertTrue(out.indexOf("CREATE ROLE mluv_verifier NOLOGIN;") > v4, out);
        assertTrue(out.contains("-- risk low-medium; expected ~5 s at 100,000 users / 2,000,000 messages (2 cores); rollback: R3__"), out);
        assertTrue(out.contains("-- Current version: V2 performance indexes"), out);
        assertFalse(out.contains("V2__performance_indexes.sql"), out);

        assertEquals(relations, Sql.relations(atVersionTwo));
        assertEquals(historyRows, Sql.number(atVersionTwo, "SELECT count(*) FROM flyway_schema_history"));
        assertFalse(relations.contains("user_stats_summary"));
    }

    @Test
    void stopsAtTheTargetVersion() {
        Cli.Result r = Cli.run(atVersionTwo, "dry-run", "--target", "3");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("V3__user_stats_summary.sql"), r::toString);
        assertFalse(r.out().contains("V4__verifier_role.sql"), r::toString);
    }

    @Test
    void saysWhichScriptsRunOutsideATransaction() {
        TestPostgres.Database empty = TestPostgres.newDatabase("dry_run_empty");
        Cli.Result r = Cli.run(empty, "dry-run", "--target", "2");
        assertEquals(0, r.exitCode(), r::toString);
        int v2 = r.out().indexOf("V2__performance_indexes.sql");
        assertTrue(r.out().indexOf("-- Runs outside a transaction", v2) > v2, r::toString);
        assertTrue(r.out().contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_user_created"), r::toString);
        // Not even Flyway's schema history table is created.
        assertEquals(List.of(), Sql.relations(empty));
    }
}
