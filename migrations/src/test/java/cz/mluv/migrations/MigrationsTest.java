package cz.mluv.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static TestPostgres.Database db;
    private static MigrateResult first;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        db = TestPostgres.newDatabase("migrations");
        first = Migrations.migrate(db.dataSource());
    }

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersion() {
        assertTrue(first.success);
        assertEquals(15, first.migrationsExecuted);
        assertEquals("15", first.targetSchemaVersion);
    }

    @Test
    void migratingAgainIsANoOp() {
        MigrateResult again = Migrations.migrate(db.dataSource());
        assertTrue(again.success);
        assertEquals(0, again.migrationsExecuted);
    }

    @Test
    void createsEverySeedIndexAndItIsValid() throws SQLException {
        List<String> expected = List.of("idx_messages_user_created", "idx_daily_stats_user_date",
                "idx_saved_words_user_word", "idx_messages_text_search", "idx_messages_correctness_score",
                "idx_saved_words_review", "idx_user_stats_summary_telegram_id", "idx_user_stats_summary_total_stars",
                "idx_user_stats_summary_max_streak", "idx_user_stats_summary_total_messages",
                "idx_user_stats_summary_last_activity");
        List<String> valid = query("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indisvalid AND c.relname LIKE 'idx_%' ORDER BY 1""");
        assertTrue(valid.containsAll(expected), "missing: " + expected.stream().filter(n -> !valid.contains(n)).toList());
    }

    @Test
    void everyForeignKeyColumnIsTheLeadingColumnOfAnIndex() throws SQLException {
        List<String> uncovered = query("""
                SELECT con.conrelid::regclass || '.' || a.attname
                FROM pg_constraint con
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                WHERE con.contype = 'f'
                  AND NOT EXISTS (SELECT 1 FROM pg_index i
                                  WHERE i.indrelid = con.conrelid AND i.indkey[0] = con.conkey[1])""");
        assertEquals(List.of(), uncovered);
    }

    @Test
    void czechTextSearchIgnoresDiacritics() throws SQLException {
        assertEquals(List.of("t"), query("SELECT (to_tsvector('czech', 'Dám si knedlíky a pivo') @@ plainto_tsquery('czech', 'knedliky'))::text::varchar(1)"));
        assertEquals(List.of("t"), query("SELECT (to_tsvector('czech', 'knedliky') @@ plainto_tsquery('czech', 'KNEDLÍKY'))::text::varchar(1)"));
    }

    @Test
    void constraintsRejectBadRows() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (telegram_id, first_name) VALUES (777, 'Jana')");
            assertThrows(SQLException.class, () -> st.execute(
                    "INSERT INTO messages (user_id, role, text) SELECT id, 'robot', 'x' FROM users WHERE telegram_id = 777"));
            assertThrows(SQLException.class, () -> st.execute(
                    "INSERT INTO messages (user_id, role, text, correctness_score) SELECT id, 'user', 'x', 101 FROM users WHERE telegram_id = 777"));
            st.execute("INSERT INTO daily_stats (user_id, date) SELECT id, DATE '2026-01-01' FROM users WHERE telegram_id = 777");
            assertThrows(SQLException.class, () -> st.execute(
                    "INSERT INTO daily_stats (user_id, date) SELECT id, DATE '2026-01-01' FROM users WHERE telegram_id = 777"));
        }
    }

    @Test
    void recordsTheFirstPopulationOfTheViewInTheRefreshLog() throws SQLException {
        // V3 populated the view, V7 rebuilt it with the rank columns: both are refreshes of it.
        assertEquals(List.of("migration V3 SUCCESS", "migration V7 SUCCESS"),
                query("SELECT worker || ' ' || outcome FROM mv_refresh_log WHERE view_name = 'user_stats_summary' ORDER BY id"));
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
