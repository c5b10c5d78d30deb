package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * V7 rebuilds user_stats_summary without locking readers out while it builds: inside its
 * transaction, up to the swap, other sessions keep reading the old view (and can even refresh it
 * concurrently); only DROP + RENAME at the end take ACCESS EXCLUSIVE, until COMMIT.
 */
class LeaderboardRanksMigrationTest {

    private static final String SCRIPT = "db/migration/V7__leaderboard_ranks.sql";
    private static final String SWAP = "-- The swap:";
    private static final String READ = "SELECT user_id FROM user_stats_summary ORDER BY total_stars DESC, user_id LIMIT 10";

    @Test
    void readersAreNotBlockedWhileV7BuildsOnlyDuringTheSwap() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("v7_swap");
        assertEquals(0, Cli.run(db, "migrate", "--target", "6").exitCode());
        DemoRows.insert(db, 300);
        Sql.exec(db, "REFRESH MATERIALIZED VIEW user_stats_summary");
        String script = script();
        int swap = script.indexOf(SWAP);
        assertTrue(swap > 0, "V7 marks its swap with " + SWAP);

        try (Connection migration = db.connect(); Statement m = migration.createStatement();
             Connection reader = db.connect(); Statement r = reader.createStatement()) {
            r.execute("SET lock_timeout = '300ms'");
            migration.setAutoCommit(false);
            m.execute(script.substring(0, swap));

            // The new view and its indexes are built; the old one still serves, under its old index names.
            assertEquals(10, count(r, READ));
            assertEquals(300, count(r, "SELECT count(*) FROM user_stats_summary"));
            assertEquals(1, count(r, "SELECT count(*) FROM pg_class WHERE relname = 'idx_user_stats_summary_total_stars'"));
            r.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY user_stats_summary");

            m.execute(script.substring(swap));
            SQLException blocked = assertThrows(SQLException.class, () -> count(r, READ));
            assertEquals("55P03", blocked.getSQLState(), "lock_timeout: readers wait only while DROP + RENAME are uncommitted");
            migration.commit();
        }

        assertEquals(10, Sql.number(db, "SELECT count(*) FROM (" + READ + ") top"));
        assertEquals(300, Sql.number(db, "SELECT max(total_stars_position) FROM user_stats_summary"));
        assertEquals(300, Sql.number(db, "SELECT max(ranked_users) FROM user_stats_summary"));
        assertEquals(11, Sql.number(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'user_stats_summary'"));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'user_stats_summary_v%' OR relname LIKE '%_v3_%'"));
        Sql.exec(db, "REFRESH MATERIALIZED VIEW CONCURRENTLY user_stats_summary");
    }

    private static long count(Statement st, String sql) throws SQLException {
        if (sql.startsWith("SELECT count(*)")) {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
        long n = 0;
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static String script() throws IOException {
        try (InputStream in = LeaderboardRanksMigrationTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
