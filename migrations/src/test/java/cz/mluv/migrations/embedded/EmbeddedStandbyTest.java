package cz.mluv.migrations.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real hot standby made by a low-level base backup of a running embedded primary. */
class EmbeddedStandbyTest {

    @TempDir
    Path dir;

    @Test
    void standbyStreamsFromItsSlotServesReadsRefusesWritesAndLeavesNothingBehind() throws Exception {
        try (EmbeddedPostgresServer primary = EmbeddedPostgresServer.start(dir.resolve("primary"), false, 0, java.util.Map.of("synchronous_commit", "on"))) {
            exec(primary.dataSource("postgres"), "CREATE TABLE t (id int PRIMARY KEY, v text)");
            exec(primary.dataSource("postgres"), "INSERT INTO t SELECT g, 'before ' || g FROM generate_series(1, 1000) g");
            Path standbyDir = dir.resolve("standby");
            try (EmbeddedStandby standby = EmbeddedStandby.start(primary, standbyDir, 0, "mluv_test_standby", false)) {
                exec(primary.dataSource("postgres"), "INSERT INTO t SELECT g, 'after ' || g FROM generate_series(1001, 1500) g");
                standby.awaitReplay(Duration.ofSeconds(30));

                assertEquals("1500", one(standby.standbyDataSource("postgres"), "SELECT count(*) FROM t"));
                assertEquals("t", one(standby.standbyDataSource("postgres"), "SELECT pg_is_in_recovery()"));
                assertEquals("streaming", one(primary.dataSource("postgres"),
                        "SELECT state FROM pg_stat_replication WHERE application_name = 'mluv_test_standby'"));
                assertEquals("t", one(primary.dataSource("postgres"),
                        "SELECT active FROM pg_replication_slots WHERE slot_name = 'mluv_test_standby'"));
                SQLException readOnly = assertThrows(SQLException.class,
                        () -> exec(standby.standbyDataSource("postgres"), "INSERT INTO t VALUES (0, 'x')"));
                assertEquals("25006", readOnly.getSQLState(), "read-only transaction");

                standby.stop();
                exec(primary.dataSource("postgres"), "INSERT INTO t VALUES (2000, 'while stopped')");
                standby.start();
                standby.awaitReplay(Duration.ofSeconds(30));
                assertEquals("1501", one(standby.standbyDataSource("postgres"), "SELECT count(*) FROM t"),
                        "caught up through its slot after a restart");
            }
            assertFalse(Files.exists(standbyDir), "data directory deleted");
            assertEquals("0", one(primary.dataSource("postgres"), "SELECT count(*) FROM pg_replication_slots"), "slot dropped");
        }
    }

    private static void exec(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String one(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
