package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cz.mluv.migrations.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V4's mluv_verifier reads catalogs and statistics, no table data, and runs no DDL. */
class VerifierRoleTest {

    private static TestPostgres.Database db;

    @BeforeAll
    static void migratedDatabase() {
        db = TestPostgres.newDatabase("verifier_role");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        DemoRows.insert(db, 10);
    }

    @Test
    void readsStatisticsAndSettingsButCannotLogIn() throws SQLException {
        assertEquals("f", Sql.string(db, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'mluv_verifier'"));
        assertEquals("t", asVerifier("SELECT pg_has_role('mluv_verifier', 'pg_read_all_stats', 'USAGE')"));
        assertEquals("t", asVerifier("SELECT count(*) > 0 FROM pg_stat_user_tables WHERE relname = 'users'"));
        assertEquals("t", asVerifier("SELECT count(*) > 0 FROM pg_index"));
        assertEquals("t", asVerifier("SELECT current_setting('data_directory') <> ''")); // pg_read_all_settings
    }

    @Test
    void cannotReadTableDataOrChangeTheSchema() {
        for (String sql : List.of("SELECT count(*) FROM users", "SELECT count(*) FROM messages",
                "SELECT count(*) FROM user_stats_summary", "CREATE TABLE verifier_was_here (id int)",
                "DROP INDEX idx_messages_user_created")) {
            SQLException e = assertThrows(SQLException.class, () -> asVerifier(sql), sql);
            assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
        }
    }

    @Test
    void aMigratingUserThatMayNotCreateRolesSkipsTheRoleAndStillMigrates() throws Exception {
        String owner = "mluv_owner_" + ProcessHandle.current().pid();
        TestPostgres.Database ownersDb = TestPostgres.newDatabase("verifier_owner");
        Sql.exec(ownersDb, "CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEROLE",
                "ALTER DATABASE " + ownersDb.name() + " OWNER TO " + owner,
                "DROP ROLE IF EXISTS mluv_verifier");
        try {
            TestPostgres.Database asOwner = new TestPostgres.Database(ownersDb.name(), ownersDb.jdbcUrl(), owner, "");
            Cli.Result r = Cli.run(asOwner, "migrate");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(List.of("1", "2", "3", "4", "5"), Sql.appliedVersions(ownersDb), r::toString);
            assertEquals(0, Sql.number(ownersDb, "SELECT count(*) FROM pg_roles WHERE rolname = 'mluv_verifier'"));
        } finally {
            // V4 is idempotent: as superuser it puts the role back for the other tests of this server.
            Sql.exec(db, v4());
        }
        assertEquals(1, Sql.number(db, "SELECT count(*) FROM pg_roles WHERE rolname = 'mluv_verifier'"));
    }

    /** Runs one statement as mluv_verifier; returns the first column of its first row (null for no result set). */
    private static String asVerifier(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET ROLE mluv_verifier");
            if (!st.execute(sql)) {
                return null;
            }
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String v4() throws IOException {
        try (var in = VerifierRoleTest.class.getClassLoader().getResourceAsStream("db/migration/V4__verifier_role.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
