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

/**
 * V4's mluv_verifier reads catalogs and statistics and (V6) the bookkeeping tables
 * flyway_schema_history and mv_refresh_log, no domain table data, and runs no DDL.
 */
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
    void readsTheSchemaHistoryAndTheRefreshLog() throws SQLException {
        assertEquals("t", asVerifier("SELECT count(*) >= 6 FROM flyway_schema_history WHERE success"));
        assertEquals("t", asVerifier("SELECT count(*) > 0 FROM mv_refresh_log WHERE view_name = 'user_stats_summary'"));
        SQLException write = assertThrows(SQLException.class, () -> asVerifier("DELETE FROM mv_refresh_log"));
        assertEquals("42501", write.getSQLState(), write.getMessage());
    }

    @Test
    void cannotReadTableDataOrChangeTheSchema() {
        for (String sql : List.of("SELECT count(*) FROM users", "SELECT count(*) FROM messages",
                "SELECT count(*) FROM user_stats_summary", "SELECT count(*) FROM admin_user",
                "EXPLAIN SELECT * FROM messages WHERE user_id = 1", "CREATE TABLE verifier_was_here (id int)",
                "DROP INDEX idx_messages_user_created")) {
            SQLException e = assertThrows(SQLException.class, () -> asVerifier(sql), sql);
            assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
        }
    }

    @Test
    void aMigratingUserThatMayNotCreateRolesNorGrantPgMonitorStillMigratesAndGrantsOnItsOwnTables() {
        String owner = "mluv_owner_" + ProcessHandle.current().pid();
        TestPostgres.Database ownersDb = TestPostgres.newDatabase("verifier_owner");
        Sql.exec(ownersDb, "CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEROLE",
                "ALTER DATABASE " + ownersDb.name() + " OWNER TO " + owner);
        TestPostgres.Database asOwner = new TestPostgres.Database(ownersDb.name(), ownersDb.jdbcUrl(), owner, "");

        Cli.Result r = Cli.run(asOwner, "migrate");

        // V4's GRANT pg_monitor needs a superuser (NOTICE, skipped); V6 grants on the tables the owner just created.
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"), Sql.appliedVersions(ownersDb), r::toString);
        assertEquals("t", Sql.string(ownersDb, "SELECT has_table_privilege('mluv_verifier', 'flyway_schema_history', 'SELECT')"
                + " AND has_table_privilege('mluv_verifier', 'mv_refresh_log', 'SELECT')"
                + " AND NOT has_table_privilege('mluv_verifier', 'users', 'SELECT')"));
    }

    @Test
    void withoutTheRoleV6GrantsNothingAndDoesNotFail() throws IOException {
        // Roles are server-wide and every migrated database of this server grants to mluv_verifier, so
        // it cannot be dropped here: run V6 (and R6) for a role that does not exist instead.
        String absent = "mluv_verifier_absent_" + ProcessHandle.current().pid();
        Sql.exec(db, resource("db/migration/V6__verifier_grants.sql").replace("mluv_verifier", absent),
                resource("db/rollback/R6__verifier_grants.sql").replace("mluv_verifier", absent));
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_roles WHERE rolname = '" + absent + "'"));
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

    private static String resource(String name) throws IOException {
        try (var in = VerifierRoleTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
