package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.verification.migration.ExpectedIndex;
import cz.mluv.db.verification.migration.ExpectedIndexes;
import cz.mluv.db.verification.migration.MigrationScript;
import cz.mluv.db.verification.migration.MigrationScripts;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Expected indexes come from the CREATE INDEX statements of the migration scripts on the
 * classpath, and an expected index dropped by hand fails {@code verify} until it is rebuilt.
 */
class ExpectedIndexesTest {

    @Test
    void theExpectedIndexesAreTheOnesTheMigrationScriptsDeclare() {
        MigrationScripts scripts = MigrationScripts.fromClasspath();
        assertTrue(scripts.all().size() >= 3, scripts.all()::toString);
        List<String> names = ExpectedIndexes.of(scripts).all().stream().map(ExpectedIndex::name).toList();
        // The design's table of indexes (keep these names) plus the view's and the refresh log's.
        for (String name : List.of("idx_messages_user_created", "idx_daily_stats_user_date", "idx_saved_words_user_word",
                "idx_messages_text_search", "idx_messages_correctness_score", "idx_saved_words_review",
                "idx_user_stats_summary_telegram_id", "idx_user_stats_summary_total_stars", "idx_user_stats_summary_max_streak",
                "idx_user_stats_summary_total_messages", "idx_user_stats_summary_last_activity", "idx_mv_refresh_log_view_started")) {
            assertTrue(names.contains(name), name + " in " + names);
        }
        ExpectedIndex daily = ExpectedIndexes.of(scripts).all().stream()
                .filter(i -> i.name().equals("idx_daily_stats_user_date")).findFirst().orElseThrow();
        assertTrue(daily.unique());
        assertTrue(daily.concurrently());
        assertEquals("V2__performance_indexes.sql", daily.script());
        assertEquals("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_daily_stats_user_date ON daily_stats (user_id, date DESC)",
                daily.createStatement());
    }

    @Test
    void aLaterDropIndexRemovesAnIndexAndCommentsAndQuotedNamesAreUnderstood() {
        MigrationScripts scripts = MigrationScripts.of(List.of(
                new MigrationScript(MigrationVersion.fromVersion("2"), "drop", "db/migration/V2__drop.sql",
                        "-- CREATE INDEX idx_in_a_comment ON t (a);\nDROP INDEX CONCURRENTLY IF EXISTS public.idx_old, idx_other CASCADE;"),
                new MigrationScript(MigrationVersion.fromVersion("1"), "create", "db/migration/V1__create.sql", """
                        /* CREATE INDEX idx_in_a_block_comment ON t (a); */
                        CREATE INDEX idx_old ON t (a);
                        create unique index if not exists "Idx_Quoted" on public.t using btree (b) where b > 0;
                        CREATE INDEX idx_other ON ONLY t (c);
                        INSERT INTO notes VALUES ('CREATE INDEX idx_in_a_string ON t (a)');
                        """)));
        List<ExpectedIndex> expected = ExpectedIndexes.of(scripts).all();
        assertEquals(List.of("Idx_Quoted"), expected.stream().map(ExpectedIndex::name).toList(), expected::toString);
        assertEquals("public.t", expected.getFirst().table());
        assertTrue(expected.getFirst().unique());
        assertFalse(expected.getFirst().concurrently());
    }

    @Test
    void anExpectedIndexDroppedByHandFailsVerifyUntilItsDeclarationIsRunAgain() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("dropped_index");
        assertEquals(0, Fixtures.deployTool(db, "verify").exitCode(), () -> Fixtures.deployTool(db, "verify").toString());

        Fixtures.exec(db, "DROP INDEX idx_saved_words_review");
        CheckResult dropped = Fixtures.run(db, "expected-indexes");
        assertEquals(CheckStatus.FAIL, dropped.status());
        int expectedCount = ExpectedIndexes.fromClasspath().all().size();
        assertTrue(dropped.summary().startsWith("1 of " + expectedCount + " expected index(es) missing: idx_saved_words_review"),
                dropped.summary());
        Fixtures.Cli verify = Fixtures.deployTool(db, "verify", "--format", "text");
        assertEquals(1, verify.exitCode(), verify::toString);
        assertTrue(verify.out().contains("FAIL    CRITICAL expected-indexes"), verify::toString);

        // Flyway does not notice: V2 is applied, so migrate runs nothing and the index stays missing.
        MigrateResult again = Migrations.migrate(db.dataSource());
        assertEquals(0, again.migrationsExecuted);
        assertEquals(CheckStatus.FAIL, Fixtures.run(db, "expected-indexes").status());

        try (Connection c = db.connect()) {
            ExpectedIndexes expected = ExpectedIndexes.fromClasspath();
            assertEquals(List.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_saved_words_review ON saved_words "
                    + "(user_id, next_review_date NULLS FIRST)"), expected.restoreStatements(c));
            assertEquals("idx_saved_words_review", expected.restore(c).getFirst().name());
            assertTrue(expected.missing(c).isEmpty());
        }
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "expected-indexes").status());
        assertEquals(0, Fixtures.deployTool(db, "verify").exitCode());
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
