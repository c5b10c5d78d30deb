package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which statements a retried migration may run a second time. */
class FailedMigrationRetryTest {

    @Test
    void statementsThatChangeNothingWhenRunTwiceAreIdempotent() {
        for (String statement : new String[] {
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)",
                "create unique index concurrently if not exists idx_b\n    on t (b) where b is not null",
                "CREATE TABLE IF NOT EXISTS t (id bigint)",
                "CREATE MATERIALIZED VIEW IF NOT EXISTS v AS SELECT 1",
                "DROP INDEX CONCURRENTLY IF EXISTS idx_a",
                "DROP MATERIALIZED VIEW IF EXISTS v",
                "REINDEX INDEX CONCURRENTLY idx_a",
                "-- rebuild\nREINDEX (VERBOSE) TABLE CONCURRENTLY t"}) {
            assertTrue(FailedMigrationRetry.idempotent(statement), statement);
        }
    }

    @Test
    void otherStatementsAndLookAlikesInCommentsOrStringsAreNot() {
        for (String statement : new String[] {
                "CREATE INDEX CONCURRENTLY idx_a ON t (a)",
                "DROP INDEX idx_a",
                "ALTER TABLE t ADD COLUMN c int",
                "REINDEX INDEX idx_a",
                "INSERT INTO t VALUES (1) /* CREATE TABLE IF NOT EXISTS x */",
                "/* IF NOT EXISTS */ CREATE TABLE t (id int)",
                "COMMENT ON TABLE t IS 'DROP TABLE IF EXISTS t'",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN CREATE TABLE t (id int); END IF; END $$"}) {
            assertFalse(FailedMigrationRetry.idempotent(statement), statement);
        }
    }

    @Test
    void theConcurrentIndexMigrationIsRetryableAndTheRoleMigrationIsNot() {
        MigrationScripts scripts = MigrationScripts.fromClasspath();
        assertEquals(Optional.empty(), FailedMigrationRetry.firstNotIdempotent(script(scripts, "2")));
        assertTrue(FailedMigrationRetry.firstNotIdempotent(script(scripts, "4")).orElseThrow().contains("DO $$"));
    }

    private static String script(MigrationScripts scripts, String version) {
        return scripts.all().stream().filter(s -> s.version().getVersion().equals(version)).findFirst().orElseThrow().text();
    }
}
