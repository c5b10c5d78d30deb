package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error lines of the command line, run in this JVM against a real database. */
class DeployToolCliTest {

    private static final ClassLoader LOADER = DeployToolCliTest.class.getClassLoader();
    private static TestPostgres.Database db;

    @BeforeAll
    static void migratedDatabase() {
        db = TestPostgres.newDatabase("cli");
        Cli.Result r = Cli.run(db, "migrate");
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void migratingAnUpToDateDatabaseExitsWithZeroAndSaysSo() {
        Cli.Result r = Cli.run(db, "migrate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Schema is up to date at version 15; nothing to apply."), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void withoutACommandPrintsTheUsageAndExitsWithTwo() {
        Cli.Result r = Cli.run(Map.of(), LOADER);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Usage: mluv-deploy"), r::toString);
        assertTrue(r.err().contains("rollback"), r::toString);
    }

    @Test
    void anUnknownOptionExitsWithTwo() {
        Cli.Result r = Cli.run(db, "status", "--colour");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("Unknown option: '--colour'"), r::toString);
    }

    @Test
    void aMalformedTargetExitsWithTwo() {
        assertEquals(2, Cli.run(db, "migrate", "--target", "three").exitCode());
    }

    @Test
    void aTargetNoMigrationHasExitsWithTwo() {
        Cli.Result r = Cli.run(db, "migrate", "--target", "42");
        assertEquals(2, r.exitCode());
        assertEquals("mluv-deploy: no migration has version 42 (see `status`)\n", r.err());
    }

    @Test
    void aTargetBelowTheCurrentVersionPointsAtRollback() {
        Cli.Result r = Cli.run(db, "migrate", "--target", "2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("use `rollback --to 2`"), r::toString);
    }

    @Test
    void aUrlThatIsNotPostgresExitsWithTwo() {
        Cli.Result r = Cli.run(Map.of(), LOADER, "status", "--url", "jdbc:mysql://localhost/x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("mluv-deploy: --url must be a PostgreSQL JDBC URL"), r::toString);
    }

    @Test
    void anUnreachableServerIsOneLineWithoutStackTraceAndExitsWithTwo() {
        Cli.Result r = Cli.run(Map.of(), LOADER, "status", "--url", "jdbc:postgresql://127.0.0.1:1/mluv");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("mluv-deploy: cannot connect to jdbc:postgresql://127.0.0.1:1/mluv: Connection to 127.0.0.1:1 refused"),
                r::toString);
        assertTrue(r.err().contains("[SQLSTATE 08001]"), r::toString);
    }

    @Test
    void verbosePrintsTheStackTraceToo() {
        Cli.Result r = Cli.run(Map.of(), LOADER, "status", "--verbose", "--url", "jdbc:postgresql://127.0.0.1:1/mluv");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("\tat org.postgresql"), r::toString);
    }

    @Test
    void aMalformedLockTimeoutExitsWithTwo() {
        Cli.Result r = Cli.run(db, "status", "--lock-timeout", "soon");
        assertEquals(2, r.exitCode());
        assertEquals("mluv-deploy: --lock-timeout / MLUV_LOCK_TIMEOUT: not a duration (examples: 500ms, 5s, 2min, 0): soon\n", r.err());
    }

    @Test
    void theEnvironmentSuppliesTheConnectionAndTheLockTimeout() throws SQLException {
        Map<String, String> env = Map.of("MLUV_DB_URL", db.jdbcUrl(), "MLUV_DB_USER", db.user(),
                "MLUV_DB_PASSWORD", db.password(), "MLUV_LOCK_TIMEOUT", "750ms");
        Cli.Result r = Cli.run(env, LOADER, "status");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Database: " + db.jdbcUrl() + "\nCurrent version: V15 drop messages search time index"), r::toString);

        ConnectionOptions options = new ConnectionOptions();
        try (DatabaseTarget target = DatabaseTarget.open(options.resolve(env), true, System.err);
             Connection c = target.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
            rs.next();
            assertEquals("750ms", rs.getString(1));
            assertEquals("0", rs.getString(2));
        }
    }

    @Test
    void optionsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("MLUV_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        Cli.Result r = Cli.run(env, LOADER, "status", "--url", db.jdbcUrl(), "--user", db.user());
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void verifyWithoutAVerifierOnTheClasspathAsksForDbCoreAndExitsWithTwo() {
        Cli.Result r = Cli.run(db, "verify");
        assertEquals(2, r.exitCode());
        assertEquals("mluv-deploy: verify needs the db-core module on the classpath\n", r.err());
    }

    @Test
    void verifyRunsTheVerifierFoundOnTheClasspathAndExitsWithItsCode(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(PostDeploymentVerifier.class.getName()), UsersTableVerifier.class.getName() + "\n");
        try (URLClassLoader withVerifier = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, LOADER)) {
            Cli.Result passed = Cli.run(db, withVerifier, "verify", "--format", "json");
            assertEquals(0, passed.exitCode(), passed::toString);
            assertEquals("format=json users-table=PASS lock_timeout=5s\n", passed.out());

            Cli.Result failed = Cli.run(TestPostgres.newDatabase("cli_empty"), withVerifier, "verify", "--format", "MARKDOWN");
            assertEquals(1, failed.exitCode(), failed::toString);
            assertEquals("format=markdown users-table=FAIL lock_timeout=5s\n", failed.out());

            assertEquals(2, Cli.run(db, withVerifier, "verify", "--format", "yaml").exitCode());
        }
    }

    @Test
    void helpOfACommandListsItsOptionsAndExitsWithZero() {
        Cli.Result r = Cli.run(Map.of(), LOADER, "rollback", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--to=VERSION"), r::toString);
        assertTrue(r.out().contains("--lock-timeout=DURATION"), r::toString);
        assertFalse(r.out().contains("${"), r::toString);
    }
}
