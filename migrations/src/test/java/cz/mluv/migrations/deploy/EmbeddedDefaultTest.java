package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without any URL the tool runs on the embedded PostgreSQL, whose data outlives each run; when that
 * server is already running (e.g. {@code ./mluv run}), the tool connects to it.
 */
class EmbeddedDefaultTest {

    @Test
    void withoutAUrlMigratesTheEmbeddedServerAndKeepsItsDataForTheNextRun(@TempDir Path dir) {
        Path data = dir.resolve("pgdata");
        Map<String, String> env = Map.of("MLUV_EMBEDDED_DATA_DIR", data.toString());
        ClassLoader loader = getClass().getClassLoader();

        Cli.Result migrate = Cli.run(env, loader, "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.err().contains("using the embedded PostgreSQL with its data in " + data.toAbsolutePath()), migrate::toString);
        assertTrue(migrate.out().contains("Applied 15 migration(s), schema version none -> 15"), migrate::toString);
        assertTrue(Files.isRegularFile(data.resolve("PG_VERSION")));

        Cli.Result status = Cli.run(env, loader, "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("Current version: V15 drop messages search time index"), status::toString);
        assertTrue(status.out().contains("(embedded)"), status::toString);
    }

    @Test
    void withoutAUrlConnectsToTheEmbeddedServerAlreadyRunningOnTheDataDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        Map<String, String> env = Map.of("MLUV_EMBEDDED_DATA_DIR", data.toString());
        ClassLoader loader = getClass().getClassLoader();
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(data, true, 0)) {
            Cli.Result status = Cli.run(env, loader, "status");
            assertEquals(0, status.exitCode(), status::toString);
            assertTrue(status.err().contains("The embedded PostgreSQL is already running on it (PID "), status::toString);
            assertTrue(status.out().contains("Database: " + running.jdbcUrl("postgres") + " (embedded, running as PID "),
                    status::toString);

            Cli.Result migrate = Cli.run(env, loader, "migrate");
            assertEquals(0, migrate.exitCode(), migrate::toString);
            try (Connection c = running.dataSource("postgres").getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertEquals(15, rs.getInt(1), "the running server was migrated");
            }
        }
    }
}
