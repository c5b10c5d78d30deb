package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without any URL the tool runs on the embedded PostgreSQL, whose data outlives each run. */
class EmbeddedDefaultTest {

    @Test
    void withoutAUrlMigratesTheEmbeddedServerAndKeepsItsDataForTheNextRun(@TempDir Path dir) {
        Path data = dir.resolve("pgdata");
        Map<String, String> env = Map.of("MLUV_EMBEDDED_DATA_DIR", data.toString());
        ClassLoader loader = getClass().getClassLoader();

        Cli.Result migrate = Cli.run(env, loader, "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.err().contains("using the embedded PostgreSQL with its data in " + data.toAbsolutePath()), migrate::toString);
        assertTrue(migrate.out().contains("Applied 6 migration(s), schema version none -> 6"), migrate::toString);
        assertTrue(Files.isRegularFile(data.resolve("PG_VERSION")));

        Cli.Result status = Cli.run(env, loader, "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("Current version: V6 verifier grants"), status::toString);
        assertTrue(status.out().contains("(embedded)"), status::toString);
    }
}
