package cz.mluv.db.verification;

import cz.mluv.db.verification.index.InvalidIndexesCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * {@code invalid-indexes} (pg-index-health): a failed CREATE UNIQUE INDEX CONCURRENTLY leaves an
 * INVALID index behind, and {@code verify} fails until the deploy tool's migrate rebuilds it.
 */
class InvalidIndexTest {

    @Test
    void anIndexLeftInvalidByAFailedConcurrentBuildFailsVerify() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("invalid_index");
        Fixtures.exec(db, "CREATE TABLE nicknames (user_id bigint PRIMARY KEY REFERENCES users (id), nickname text NOT NULL)",
                "INSERT INTO users (telegram_id, first_name) VALUES (1, 'Jana'), (2, 'Petr')",
                "INSERT INTO nicknames SELECT id, 'kocka' FROM users");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "invalid-indexes").status());

        // Duplicate values: the concurrent build fails after creating the index, which stays INVALID.
        assertThrows(SQLException.class, () -> Fixtures.exec(db,
                "CREATE UNIQUE INDEX CONCURRENTLY idx_nicknames_nickname ON nicknames (nickname)"));
        CheckResult invalid = Fixtures.run(db, "invalid-indexes");
        assertEquals(CheckStatus.FAIL, invalid.status());
        assertTrue(invalid.summary().startsWith("1 INVALID index(es): idx_nicknames_nickname"), invalid.summary());
        assertEquals("idx_nicknames_nickname", invalid.details(InvalidIndexesCheck.InvalidIndex.class).getFirst().index());
        Fixtures.Cli verify = Fixtures.deployTool(db, "verify", "--format", "markdown");
        assertEquals(1, verify.exitCode(), verify::toString);
        assertTrue(verify.out().contains("| `invalid-indexes` No invalid index | **FAIL** | CRITICAL |"), verify::toString);

        // Once the duplicates are gone, the deploy tool's migrate rebuilds it (REINDEX INDEX CONCURRENTLY).
        Fixtures.exec(db, "UPDATE nicknames SET nickname = nickname || user_id");
        Fixtures.Cli migrate = Fixtures.deployTool(db, "migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertEquals(CheckStatus.PASS, Fixtures.run(db, "invalid-indexes").status());
        assertEquals(0, Fixtures.deployTool(db, "verify").exitCode());
    }
}
