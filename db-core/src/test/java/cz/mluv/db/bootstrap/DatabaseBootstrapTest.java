package cz.mluv.db.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * How a service prepares its database: the embedded default is migrated (through the deploy tool's
 * path) and durable; an external one is migrated only when told, and a service that is behind warns
 * and starts anyway.
 */
class DatabaseBootstrapTest {

    private static final DemoDataSize SMALL = new DemoDataSize(20, 200, 3);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(DatabaseBootstrap.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(DatabaseBootstrap.class)).detachAppender(log);
    }

    @Test
    void anExternalDatabaseBehindTheLatestMigrationIsNotMigratedByDefaultAndTheServiceWarnsAndStarts() throws SQLException {
        TestPostgres.Database db = databaseAtVersion("bootstrap_behind", "4");
        Map<String, String> env = external(db);

        try (DatabaseBootstrap bootstrap = start(env)) {
            assertEquals("4", query(bootstrap.unpooledDataSource(),
                    "SELECT max(version::int) FROM flyway_schema_history WHERE success"), "not migrated");
            assertEquals("0", query(bootstrap.unpooledDataSource(), "SELECT count(*) FROM users"), "reads of existing objects work");
        }
        String warning = only(Level.WARN);
        assertTrue(warning.startsWith("Database " + db.jdbcUrl() + " is at schema version 4, behind the latest migration:"
                + " pending V5 admin console, V6 verifier grants, V7 leaderboard ranks, V8 messages created index, V9 search messages, V10 search messages paths, V11 messages search time index, V12 statistics history, V13 messages search hour index, V14 search messages hours, V15 drop messages search time index. Apply them with `./mluv deploy migrate`"), warning);
        assertTrue(warning.contains("unless MLUV_MIGRATE_ON_START=true; starting anyway"), warning);
    }

    @Test
    void anExternalDatabaseIsMigratedOnStartWhenToldThroughTheDeployToolsPath() throws SQLException {
        TestPostgres.Database db = databaseAtVersion("bootstrap_migrate", "4");
        // Dropped by hand: plain Flyway would not notice, the deploy tool's path restores it.
        exec(db, "DROP INDEX idx_saved_words_review");
        Map<String, String> env = external(db);
        env.put("MLUV_MIGRATE_ON_START", "true");

        try (DatabaseBootstrap bootstrap = start(env)) {
            assertEquals("15", query(bootstrap.unpooledDataSource(),
                    "SELECT max(version::int) FROM flyway_schema_history WHERE success"));
            assertEquals("t", query(bootstrap.unpooledDataSource(),
                    "SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_saved_words_review'::regclass"));
        }
        assertTrue(messages().contains("Migrating on start (lock_timeout 5000 ms)"), messages()::toString);
        assertTrue(messages().stream().anyMatch(m -> m.startsWith(
                "Missing expected indexes: restored missing index idx_saved_words_review on saved_words")), messages()::toString);
        assertTrue(messages().contains("Migrations: 11 applied, schema version 15"), messages()::toString);
    }

    @Test
    void migratingOnStartGivesUpAtTheLockTimeoutInsteadOfQueueingBehindALock() throws Exception {
        TestPostgres.Database db = databaseAtVersion("bootstrap_lock", "1");
        Map<String, String> env = external(db);
        env.put("MLUV_MIGRATE_ON_START", "true");
        env.put("MLUV_LOCK_TIMEOUT", "300ms");

        try (Connection writer = db.connect(); Statement st = writer.createStatement()) {
            writer.setAutoCommit(false);
            st.execute("LOCK TABLE daily_stats IN ROW EXCLUSIVE MODE"); // an open write transaction
            IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(IllegalStateException.class, () -> start(env)));
            writer.rollback();
            assertTrue(e.getMessage().startsWith("database bootstrap failed at " + db.jdbcUrl()), e::getMessage);
            assertTrue(e.getMessage().contains("55P03"), e::getMessage);
        }
    }

    @Test
    void aFailedMigrationStopsMigratingOnStartAndNamesTheRetryCommand() {
        TestPostgres.Database db = databaseAtVersion("bootstrap_failed", "6");
        exec(db, "UPDATE flyway_schema_history SET success = false WHERE version = '2'");
        Map<String, String> env = external(db);
        env.put("MLUV_MIGRATE_ON_START", "true");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(env));
        assertTrue(e.getMessage().contains("V2 performance indexes FAILED earlier"), e::getMessage);
        assertTrue(e.getMessage().contains("`migrate --retry-failed`"), e::getMessage);
        assertTrue(e.getMessage().endsWith("(the deploy tool: `./mluv deploy`)"), e::getMessage);

        env.remove("MLUV_MIGRATE_ON_START");
        start(env).close();
        assertTrue(only(Level.WARN).contains("FAILED earlier: V2 performance indexes: retry with `./mluv deploy migrate --retry-failed`"),
                messages()::toString);
    }

    @Test
    void theEmbeddedDefaultIsMigratedOnStartThroughTheDeployToolsPathAndRunsDurably(@TempDir Path dir) throws SQLException {
        Map<String, String> env = new HashMap<>(Map.of("MLUV_EMBEDDED_DATA_DIR", dir.resolve("pgdata").toString(),
                "MLUV_EMBEDDED_PORT", "0"));

        try (DatabaseBootstrap bootstrap = DatabaseBootstrap.start(DatabaseSettings.from(env::get), SMALL,
                MigrateOnStart.from(env::get, true))) {
            DataSource ds = bootstrap.unpooledDataSource();
            assertTrue(bootstrap.embedded());
            assertEquals("on", query(ds, "SHOW fsync"));
            assertEquals("on", query(ds, "SHOW synchronous_commit"));
            assertEquals("on", query(ds, "SHOW full_page_writes"));
            assertEquals("15", query(ds, "SELECT max(version::int) FROM flyway_schema_history WHERE success"));
            assertEquals("20", query(ds, "SELECT count(*) FROM users"), "demo data loaded");
        }
        assertTrue(messages().contains("INVALID indexes before migrate: none"), messages()::toString);
        assertTrue(messages().contains("Migrations: 15 applied, schema version 15"), messages()::toString);
    }

    private static DatabaseBootstrap start(Map<String, String> env) {
        DatabaseSettings settings = DatabaseSettings.from(env::get);
        return DatabaseBootstrap.start(settings, SMALL, MigrateOnStart.from(env::get, settings.embedded()));
    }

    private static Map<String, String> external(TestPostgres.Database db) {
        return new HashMap<>(Map.of("MLUV_DB_URL", db.jdbcUrl(), "MLUV_DB_USER", db.user(), "MLUV_DB_PASSWORD", db.password(),
                "MLUV_DB_POOL_MIN_IDLE", "1"));
    }

    private static TestPostgres.Database databaseAtVersion(String prefix, String version) {
        TestPostgres.Database db = TestPostgres.newDatabase(prefix);
        Migrations.configure(db.dataSource()).target(MigrationVersion.fromVersion(version)).load().migrate();
        return db;
    }

    private static void exec(TestPostgres.Database db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String only(Level level) {
        List<String> found = log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, found.size(), found::toString);
        return found.getFirst();
    }
}
