package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An expected index dropped by hand: Flyway does not notice (its migration is applied), so
 * {@code migrate} restores it after Flyway, concurrently, and {@code status}/{@code dry-run} show it.
 */
class MissingIndexRestoreTest {

    private static final String REVIEW = "idx_saved_words_review";
    private static final String STARS = "idx_user_stats_summary_total_stars";
    private static final String UNIQUE = "idx_saved_words_user_word";
    private static TestPostgres.Database db;

    @BeforeAll
    static void migratedDatabaseWithRows() {
        db = TestPostgres.newDatabase("missing_index");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        DemoRows.insert(db, 50);
    }

    @BeforeEach
    void everyExpectedIndexPresent() {
        Sql.exec(db, "DELETE FROM saved_words WHERE word_czech = 'pivo'");
        Cli.Result r = Cli.run(db, "migrate");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Missing expected indexes: none") || r.out().contains("Missing expected indexes: restored"),
                r::toString);
    }

    @Test
    void migrateRestoresIndexesDroppedByHandConcurrentlyAndStatusAndDryRunListThemFirst() {
        Sql.exec(db, "DROP INDEX " + REVIEW, "DROP INDEX " + STARS);

        Cli.Result status = Cli.run(db, "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("Missing expected indexes: 2 (migrate restores them)\n"
                + "  " + REVIEW + " on saved_words (declared in V2__performance_indexes.sql)\n"
                + "  " + STARS + " on user_stats_summary (declared in V7__leaderboard_ranks.sql)\n"), status::toString);
        Cli.Result dryRun = Cli.run(db, "dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun::toString);
        assertTrue(dryRun.out().contains("-- ==== then migrate restores 2 missing expected index(es)"), dryRun::toString);
        assertTrue(dryRun.out().contains("-- " + REVIEW + " on saved_words, declared in V2__performance_indexes.sql:\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + REVIEW + " ON saved_words (user_id, next_review_date NULLS FIRST);\n"),
                dryRun::toString);
        assertTrue(dryRun.out().contains("\nCREATE INDEX CONCURRENTLY IF NOT EXISTS " + STARS + " ON user_stats_summary"), dryRun::toString);
        assertEquals(List.of(), Sql.strings(db, "SELECT relname FROM pg_class WHERE relname IN ('" + REVIEW + "', '" + STARS + "')"),
                "status and dry-run change nothing");

        Cli.Result migrate = Cli.run(db, "migrate");

        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.out().contains("Schema is up to date at version"), migrate::toString);
        assertTrue(migrate.out().contains("Missing expected indexes: restored missing index " + REVIEW
                + " on saved_words, declared in V2__performance_indexes.sql (CREATE INDEX CONCURRENTLY IF NOT EXISTS " + REVIEW
                + " ON saved_words (user_id, next_review_date NULLS FIRST), "), migrate::toString);
        assertTrue(migrate.out().contains("Missing expected indexes: restored missing index " + STARS
                + " on user_stats_summary, declared in V7__leaderboard_ranks.sql (CREATE INDEX CONCURRENTLY IF NOT EXISTS " + STARS),
                migrate::toString);
        // Restored before the repair after migrate, which finds nothing INVALID.
        assertTrue(migrate.out().indexOf("restored missing index " + REVIEW) < migrate.out().indexOf("INVALID indexes after migrate: none"),
                migrate::toString);
        assertTrue(Sql.validIndex(db, REVIEW));
        assertTrue(Sql.validIndex(db, STARS));
        assertEquals("CREATE INDEX " + REVIEW + " ON public.saved_words USING btree (user_id, next_review_date NULLS FIRST)",
                Sql.string(db, "SELECT pg_get_indexdef('" + REVIEW + "'::regclass)"));

        Cli.Result again = Cli.run(db, "migrate");
        assertTrue(again.out().contains("Missing expected indexes: none\n"), again::toString);
        assertTrue(Cli.run(db, "status").out().contains("Missing expected indexes: none\n"));
    }

    @Test
    void aRestoreThatFailsExitsWithOneNamesTheIndexAndTheNextMigrateFinishesIt() {
        Sql.exec(db, "DROP INDEX " + UNIQUE,
                "INSERT INTO saved_words (user_id, word_czech, translation) SELECT min(id), 'pivo', 'beer' FROM users",
                "INSERT INTO saved_words (user_id, word_czech, translation) SELECT min(id), 'pivo', 'a beer' FROM users");

        Cli.Result failed = Cli.run(db, "migrate");

        assertEquals(1, failed.exitCode(), failed::toString);
        assertTrue(failed.out().contains("Missing expected indexes: could not restore missing index " + UNIQUE
                + " on saved_words, declared in V2__performance_indexes.sql: "), failed::toString);
        assertTrue(failed.out().contains("23505"), failed::toString);
        assertEquals("mluv-deploy: 1 missing expected index(es) could not be restored: " + UNIQUE
                + "; 1 INVALID index(es) could not be rebuilt: public." + UNIQUE
                + " (see above; fix the cause, e.g. duplicate rows, and run migrate again)\n", failed.err());
        assertFalse(Sql.validIndex(db, UNIQUE), "the failed concurrent build left it INVALID");

        Sql.exec(db, "DELETE FROM saved_words WHERE word_czech = 'pivo' AND translation = 'a beer'");
        Cli.Result fixed = Cli.run(db, "migrate");
        assertEquals(0, fixed.exitCode(), fixed::toString);
        assertTrue(fixed.out().contains("INVALID indexes before migrate: rebuilt INVALID index public." + UNIQUE), fixed::toString);
        assertTrue(fixed.out().contains("Missing expected indexes: none"), fixed::toString);
        assertTrue(Sql.validIndex(db, UNIQUE));
    }

    @Test
    void aRestoreGivesUpAfterTheLockTimeoutInsteadOfQueueingBehindALock() throws Exception {
        Sql.exec(db, "DROP INDEX " + REVIEW);
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE saved_words IN SHARE MODE");

            Cli.Result r = Cli.run(db, "migrate", "--lock-timeout", "300ms");

            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.out().contains("could not restore missing index " + REVIEW), r::toString);
            assertTrue(r.out().contains("55P03"), r::toString);
            assertTrue(r.err().startsWith("mluv-deploy: 1 missing expected index(es) could not be restored: " + REVIEW + " (see above"),
                    r::toString);
            holder.rollback();
        }
        assertEquals(List.of(), Sql.strings(db, "SELECT relname FROM pg_class WHERE relname = '" + REVIEW + "'"));
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        assertTrue(Sql.validIndex(db, REVIEW));
    }
}
