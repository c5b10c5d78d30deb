package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A concurrent index build that hits lock_timeout: a clean, fast failure, visible in status, refused
 * by a plain migrate and retried in one command by {@code migrate --retry-failed}.
 */
class FailedMigrationTest {

    private static final String FAILED_ROWS = "SELECT count(*) FROM flyway_schema_history WHERE NOT success";

    @Test
    void aConcurrentIndexBuildThatHitsTheLockTimeoutFailsFastAndIsRetriedInOneCommand() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("failed_migration");
        assertEquals(0, Cli.run(db, "migrate", "--target", "1").exitCode());

        Cli.Result failed;
        try (Connection writer = db.connect(); Statement st = writer.createStatement()) {
            // An open write transaction on daily_stats (e.g. a slow batch): V2's first index builds, the
            // second is created, then waits for that transaction to end and gives up at the lock
            // timeout, leaving an INVALID index and a FAILED row.
            writer.setAutoCommit(false);
            st.execute("LOCK TABLE daily_stats IN ROW EXCLUSIVE MODE");
            failed = Cli.run(db, "migrate", "--lock-timeout", "300ms");
            writer.rollback();
        }
        assertEquals(1, failed.exitCode(), failed::toString);
        assertEquals(1, failed.err().lines().count(), failed::toString);
        assertTrue(failed.err().startsWith("mluv-deploy: Failed to execute script V2__performance_indexes.sql; SQL State: 55P03"), failed::toString);
        assertTrue(failed.err().contains("retry with `migrate --retry-failed`"), failed::toString);
        assertTrue(failed.out().contains("Applying V2 performance indexes ... (risk medium"), failed::toString);
        assertTrue(Sql.validIndex(db, "idx_messages_user_created"), "the build before the failed one took effect");
        assertFalse(Sql.validIndex(db, "idx_daily_stats_user_date"), "the failed build left an INVALID index");

        Cli.Result status = Cli.run(db, "status");
        assertTrue(status.out().contains("Failed: 1\n  V2 performance indexes [Failed]"), status::toString);
        assertTrue(status.out().contains("`migrate --retry-failed`"), status::toString);

        Cli.Result refused = Cli.run(db, "migrate");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("mluv-deploy: V2 performance indexes FAILED earlier outside a transaction"), refused::toString);
        assertTrue(refused.err().contains("run `migrate --retry-failed`"), refused::toString);
        assertEquals(1, Sql.number(db, FAILED_ROWS), "a refused migrate changes nothing");

        Cli.Result retried = Cli.run(db, "migrate", "--retry-failed");
        assertEquals(0, retried.exitCode(), retried::toString);
        assertTrue(retried.out().startsWith("Failed migrations: V2 performance indexes (V2__performance_indexes.sql) FAILED earlier;"
                + " its 6 statement(s) are idempotent: removed its FAILED row"), retried::toString);
        assertTrue(retried.out().contains("INVALID indexes before migrate: rebuilt INVALID index public.idx_daily_stats_user_date"
                + " on daily_stats (REINDEX INDEX CONCURRENTLY public.idx_daily_stats_user_date"), retried::toString);
        assertTrue(retried.out().contains("Applied 14 migration(s), schema version 1 -> 15"), retried::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"), Sql.appliedVersions(db));
        assertEquals(0, Sql.number(db, FAILED_ROWS));
        for (String index : List.of("idx_messages_user_created", "idx_daily_stats_user_date", "idx_saved_words_review")) {
            assertTrue(Sql.validIndex(db, index), index);
        }
        assertEquals(0, Sql.number(db, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
    }

    @Test
    void aFailedMigrationWithAStatementThatIsNotIdempotentIsNotRetried() {
        TestPostgres.Database db = TestPostgres.newDatabase("failed_not_idempotent");
        assertEquals(0, Cli.run(db, "migrate").exitCode());
        // The row Flyway writes when a script run outside a transaction fails half-way.
        Sql.exec(db, "UPDATE flyway_schema_history SET success = false WHERE version = '6'");

        Cli.Result refused = Cli.run(db, "migrate", "--retry-failed");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("mluv-deploy: cannot retry V6 verifier grants (V6__verifier_grants.sql): its statement"
                + " `DO $$ BEGIN IF NOT EXISTS"), refused::toString);
        assertTrue(refused.err().contains("is not idempotent"), refused::toString);
        assertTrue(refused.err().contains("nothing was changed"), refused::toString);
        assertEquals(1, Sql.number(db, FAILED_ROWS), "the FAILED row is kept");
    }
}
