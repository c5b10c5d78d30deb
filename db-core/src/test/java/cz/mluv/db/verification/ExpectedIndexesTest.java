package cz.mluv.db.verification;

import cz.mluv.db.verification.migration.ExpectedIndexesCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.deploy.ExpectedIndexes;
import cz.mluv.migrations.testing.TestPostgres;
import java.io.OutputStream;
import java.io.PrintStream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The {@code expected-indexes} check (its expected set is the migrations module's
 * {@link ExpectedIndexes}): an expected index dropped by hand fails {@code verify} until the deploy
 * tool's {@code migrate} restores it.
 */
class ExpectedIndexesTest {

    @Test
    void anExpectedIndexDroppedByHandFailsVerifyUntilTheDeployToolsMigrateRestoresIt() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("dropped_index");
        Fixtures.Cli before = Fixtures.deployTool(db, "verify");
        assertEquals(0, before.exitCode(), before::toString);

        Fixtures.exec(db, "DROP INDEX idx_saved_words_review");
        CheckResult dropped = Fixtures.run(db, "expected-indexes");
        assertEquals(CheckStatus.FAIL, dropped.status());
        int expectedCount = ExpectedIndexes.fromClasspath().all().size();
        assertTrue(dropped.summary().startsWith("1 of " + expectedCount + " expected index(es) missing: idx_saved_words_review"
                + " (Flyway does not rerun an applied migration: `mluv-deploy migrate` restores them"), dropped.summary());
        assertEquals("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_saved_words_review ON saved_words (user_id, next_review_date NULLS FIRST)",
                dropped.details(ExpectedIndexesCheck.ExpectedIndexRow.class).getFirst().restoreWith());
        Fixtures.Cli verify = Fixtures.deployTool(db, "verify", "--format", "text");
        assertEquals(1, verify.exitCode(), verify::toString);
        assertTrue(verify.out().contains("FAIL    CRITICAL expected-indexes"), verify::toString);
        assertEquals(1, new CatalogueVerifier().verify(db.dataSource(), "json", new PrintStream(OutputStream.nullOutputStream())));

        // Flyway alone does not notice: V2 is applied, so its migrate runs nothing and the index stays missing.
        MigrateResult flywayOnly = Migrations.migrate(db.dataSource());
        assertEquals(0, flywayOnly.migrationsExecuted);
        assertEquals(CheckStatus.FAIL, Fixtures.run(db, "expected-indexes").status());

        Fixtures.Cli migrate = Fixtures.deployTool(db, "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.out().contains("Missing expected indexes: restored missing index idx_saved_words_review on saved_words"),
                migrate::toString);

        assertEquals(CheckStatus.PASS, Fixtures.run(db, "expected-indexes").status());
        Fixtures.Cli after = Fixtures.deployTool(db, "verify");
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(after.out().contains("PASS    CRITICAL expected-indexes"), after::toString);
        assertEquals(0, new CatalogueVerifier().verify(db.dataSource(), "json", new PrintStream(OutputStream.nullOutputStream())));
    }

    @Test
    void indexesOfAMigrationThatIsNotAppliedAreNotExpected() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("target_v2");
        Migrations.configure(db.dataSource()).target(MigrationVersion.fromVersion("2")).load().migrate();
        CheckResult r = Fixtures.run(db, "expected-indexes");
        assertEquals(CheckStatus.PASS, r.status(), r.summary());
        long declaredUpToV2 = ExpectedIndexes.fromClasspath().all().stream()
                .filter(i -> i.version().compareTo(MigrationVersion.fromVersion("2")) <= 0).count();
        assertEquals(6, declaredUpToV2, "V2 declares the six indexes the seeds name");
        assertTrue(r.summary().startsWith("all " + declaredUpToV2 + " indexes"), r.summary());
        CheckResult migrations = Fixtures.run(db, "migrations-applied");
        assertEquals(CheckStatus.FAIL, migrations.status());
        assertTrue(migrations.summary().contains("migration(s) pending"), migrations.summary());
    }
}
