package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A migration that hits lock_timeout: clear failure, visible in status, repaired, then applied. */
class FailedMigrationTest {

    @Test
    void aConcurrentIndexBuildThatHitsTheLockTimeoutFailsFastShowsInStatusAndIsRetriedAfterRepair() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("failed_migration");
        assertEquals(0, Cli.run(db, "migrate", "--target", "1").exitCode());

        Cli.Result failed;
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE messages IN SHARE MODE"); // e.g. a long report holding a lock
            failed = Cli.run(db, "migrate", "--lock-timeout", "300ms");
            holder.rollback();
        }
        assertEquals(1, failed.exitCode(), failed::toString);
        assertEquals(1, failed.err().lines().count(), failed::toString);
        assertTrue(failed.err().startsWith("mluv-deploy: Failed to execute script V2__performance_indexes.sql; SQL State: 55P03"), failed::toString);
        assertTrue(failed.err().contains("run `repair` first"), failed::toString);
        assertTrue(failed.err().contains("lock timeout"), failed::toString);
        assertTrue(failed.out().contains("Applying V2 performance indexes ... (risk medium"), failed::toString);

        Cli.Result status = Cli.run(db, "status");
        assertTrue(status.out().contains("Failed: 1\n  V2 performance indexes [Failed]"), status::toString);

        Cli.Result refused = Cli.run(db, "migrate");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("Detected failed migration to version 2"), refused::toString);

        Cli.Result repair = Cli.run(db, "repair");
        assertEquals(0, repair.exitCode(), repair::toString);
        assertTrue(repair.out().startsWith("Removed 1 failed migration(s) from the schema history: V2 performance indexes"), repair::toString);

        Cli.Result retried = Cli.run(db, "migrate");
        assertEquals(0, retried.exitCode(), retried::toString);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), Sql.appliedVersions(db));
        assertTrue(Sql.validIndex(db, "idx_messages_user_created"));
    }
}
