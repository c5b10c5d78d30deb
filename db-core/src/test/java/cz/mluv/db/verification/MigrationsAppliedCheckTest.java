package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** {@code migrations-applied}: at the latest version on the classpath, with no failed migration. */
class MigrationsAppliedCheckTest {

    @Test
    void aMigratedDatabaseIsAtTheLatestVersion() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("applied");
        CheckResult r = Fixtures.run(db, "migrations-applied");
        assertEquals(CheckStatus.PASS, r.status(), r.summary());
        assertTrue(r.summary().matches("schema at version (\\d+), latest available \\1; .*"), r.summary());

        Fixtures.exec(db, "UPDATE flyway_schema_history SET success = false "
                + "WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
        CheckResult failed = Fixtures.run(db, "migrations-applied");
        assertEquals(CheckStatus.FAIL, failed.status());
        assertTrue(failed.summary().contains("FAILED migration(s)"), failed.summary());
    }

    @Test
    void aDatabaseThatWasNeverMigratedFails() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("never_migrated");
        CheckResult r = Fixtures.run(db, "migrations-applied");
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.summary().startsWith("no flyway_schema_history"), r.summary());
        assertEquals(CheckStatus.FAIL, Fixtures.run(db, "expected-indexes").status());
    }
}
