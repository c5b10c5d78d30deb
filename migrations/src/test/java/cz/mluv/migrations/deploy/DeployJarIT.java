package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar runs on its own: main class, Flyway's PostgreSQL plugin and logging all inside. */
class DeployJarIT {

    private static final Path JAR = Path.of(System.getProperty("mluv.deploy.jar", "target/mluv-migrations-deploy.jar"));

    @Test
    void theDeployJarMigratesAndReportsWithNothingElseOnTheClasspath() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run `mvn verify` (package builds " + JAR + ")");
        TestPostgres.Database db = TestPostgres.newDatabase("deploy_jar");

        Run migrate = java(db, "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.out().contains("Applied 15 migration(s), schema version none -> 15"), migrate::toString);
        assertFalse(migrate.err().contains("SLF4J"), migrate::toString);

        Run history = java(db, "history");
        assertEquals(0, history.exitCode(), history::toString);
        assertTrue(history.out().contains("risk medium; expected ~10 s per index"), history::toString);

        Run verify = java(db, "verify");
        assertEquals(2, verify.exitCode(), verify::toString);
        assertEquals("mluv-deploy: verify needs the db-core module on the classpath\n", verify.err());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run java(TestPostgres.Database db, String command) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> args = new ArrayList<>(List.of(java, "-jar", JAR.toString(), command,
                "--url", db.jdbcUrl(), "--user", db.user(), "--password", db.password()));
        Path out = Files.createTempFile("deploy-jar", ".out");
        Path err = Files.createTempFile("deploy-jar", ".err");
        Process p = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the deploy jar did not finish: " + args);
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
