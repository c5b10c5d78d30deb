package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** The expected indexes are the CREATE INDEX statements of the migration scripts on the classpath. */
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
        assertEquals(daily.createStatement(), daily.restoreStatement());
        ExpectedIndex created = ExpectedIndexes.of(scripts).all().stream()
                .filter(i -> i.name().equals("idx_messages_created")).findFirst().orElseThrow();
        assertTrue(created.concurrently());
        assertEquals("V8__messages_created_index.sql", created.script());
    }

    @Test
    void anIndexDeclaredWithoutConcurrentlyIsRestoredConcurrently() {
        ExpectedIndex stars = ExpectedIndexes.fromClasspath().all().stream()
                .filter(i -> i.name().equals("idx_user_stats_summary_total_stars")).findFirst().orElseThrow();
        assertFalse(stars.concurrently());
        assertTrue(stars.createStatement().startsWith("CREATE INDEX IF NOT EXISTS idx_user_stats_summary_total_stars ON user_stats_summary"),
                stars.createStatement());
        assertEquals(stars.createStatement().replaceFirst("^CREATE INDEX", "CREATE INDEX CONCURRENTLY"), stars.restoreStatement());
        ExpectedIndex unique = new ExpectedIndex("u", "t", true, MigrationVersion.fromVersion("1"), "V1__x.sql",
                "create unique index if not exists u on t (a)");
        assertEquals("create unique index CONCURRENTLY if not exists u on t (a)", unique.restoreStatement());
    }

    @Test
    void aViewRebuiltUnderATemporaryNameAndSwappedInDeclaresItsIndexesOnTheFinalName() {
        MigrationScripts scripts = MigrationScripts.of(List.of(
                new MigrationScript(MigrationVersion.fromVersion("1"), "view", "db/migration/V1__view.sql", """
                        CREATE MATERIALIZED VIEW v AS SELECT 1 AS a;
                        CREATE UNIQUE INDEX idx_v_a ON v (a);
                        CREATE INDEX idx_v_gone ON v (a);
                        """),
                new MigrationScript(MigrationVersion.fromVersion("2"), "swap", "db/migration/V2__swap.sql", """
                        ALTER INDEX IF EXISTS idx_v_a RENAME TO idx_v_old_a;
                        ALTER INDEX idx_v_gone RENAME TO idx_v_old_gone;
                        CREATE MATERIALIZED VIEW v_new AS SELECT 1 AS a, 2 AS b;
                        CREATE UNIQUE INDEX IF NOT EXISTS idx_v_a ON v_new (a);
                        CREATE INDEX idx_v_b ON v_new (b);
                        DROP MATERIALIZED VIEW IF EXISTS v;
                        ALTER MATERIALIZED VIEW v_new RENAME TO v;
                        ALTER TABLE v RENAME COLUMN b TO c;
                        """)));
        List<ExpectedIndex> expected = ExpectedIndexes.of(scripts).all();
        assertEquals(List.of("idx_v_a", "idx_v_b"), expected.stream().map(ExpectedIndex::name).toList(), expected::toString);
        assertEquals(List.of("v", "v"), expected.stream().map(ExpectedIndex::table).toList());
        assertEquals("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_v_a ON v (a)", expected.getFirst().restoreStatement());
        assertEquals("V2__swap.sql", expected.getFirst().script());
        assertEquals("CREATE INDEX idx_v_b ON v (b)", expected.getLast().createStatement());
    }

    @Test
    void aLaterDropIndexRemovesAnIndexAndCommentsStringsAndQuotedNamesAreUnderstood() {
        MigrationScripts scripts = MigrationScripts.of(List.of(
                new MigrationScript(MigrationVersion.fromVersion("2"), "drop", "db/migration/V2__drop.sql",
                        "-- CREATE INDEX idx_in_a_comment ON t (a);\nDROP INDEX CONCURRENTLY IF EXISTS public.idx_old, idx_other CASCADE;"),
                new MigrationScript(MigrationVersion.fromVersion("1"), "create", "db/migration/V1__create.sql", """
                        /* CREATE INDEX idx_in_a_block_comment ON t (a); /* nested; */ CREATE INDEX idx_nested ON t (a); */
                        CREATE INDEX idx_old ON t (a);
                        create unique index if not exists "Idx_Quoted" on public.t using btree (b) -- why b
                            where b > 0;
                        CREATE INDEX idx_other ON ONLY t (c);
                        INSERT INTO notes VALUES ('CREATE INDEX idx_in_a_string ON t (a)'), (E'it\\'s; CREATE INDEX idx_escaped ON t (a)');
                        DO $$
                        BEGIN
                            -- CREATE INDEX idx_commented_in_body ON t (a);
                            RAISE NOTICE 'CREATE INDEX idx_in_a_body_string ON t (a)';
                            CREATE INDEX IF NOT EXISTS idx_in_body ON t (d);
                        END
                        $$;
                        """)));
        List<ExpectedIndex> expected = ExpectedIndexes.of(scripts).all();
        assertEquals(List.of("Idx_Quoted", "idx_in_body"), expected.stream().map(ExpectedIndex::name).toList(), expected::toString);
        assertEquals("public.t", expected.getFirst().table());
        assertTrue(expected.getFirst().unique());
        assertFalse(expected.getFirst().concurrently());
        // The comment inside the statement is gone: collapsed onto one line it would comment out the rest.
        assertEquals("create unique index if not exists \"Idx_Quoted\" on public.t using btree (b) where b > 0",
                expected.getFirst().createStatement());
        assertEquals("CREATE INDEX IF NOT EXISTS idx_in_body ON t (d)", expected.get(1).createStatement());
    }
}
