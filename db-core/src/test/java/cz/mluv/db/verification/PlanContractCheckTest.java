package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.plan.HotRead;
import cz.mluv.db.verification.plan.PlanContractCheck;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plan contract passes when EXPLAIN uses the named index, fails on a Seq Scan of a large table
 * or a missing index, and is skipped while the index's table is too small to judge.
 */
class PlanContractCheckTest {

    private static TestPostgres.Database db;

    @BeforeAll
    static void tablesLargeAndSmall() throws Exception {
        db = TestPostgres.newDatabase("plan_contract");
        Fixtures.exec(db,
                "CREATE TABLE events (id bigint PRIMARY KEY, user_id bigint NOT NULL, kind text NOT NULL)",
                "INSERT INTO events SELECT n, n % 500, 'kind' || (n % 7) FROM generate_series(1, 30000) n",
                "CREATE INDEX idx_events_user ON events (user_id)",
                "CREATE TABLE tiny (id bigint PRIMARY KEY, code int NOT NULL)",
                "INSERT INTO tiny SELECT n, n FROM generate_series(1, 50) n",
                "CREATE INDEX idx_tiny_code ON tiny (code)",
                "ANALYZE events, tiny");
    }

    private static CheckResult check(String sql, String index) {
        HotRead read = new HotRead("probe", "A probe read", sql, index, c -> Map.of("user", 42L, "code", 7));
        try (Connection c = db.connect()) {
            return new PlanContractCheck(read, 10_000).run(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReadThatUsesItsIndexPasses() {
        CheckResult r = check("SELECT id, kind FROM events WHERE user_id = :user ORDER BY id LIMIT 20", "idx_events_user");
        assertEquals(CheckStatus.PASS, r.status(), r.summary());
        assertTrue(r.summary().startsWith("uses idx_events_user on events (~30000 rows)"), r.summary());
        assertTrue(r.details(PlanContractCheck.PlanLine.class).stream().anyMatch(line -> line.plan().contains("idx_events_user")));
        assertTrue(r.sql().startsWith("EXPLAIN (COSTS true) SELECT id, kind FROM events"), r.sql());
    }

    @Test
    void aSeqScanOfALargeTableFails() {
        CheckResult r = check("SELECT id FROM events WHERE user_id + 0 = :user", "idx_events_user");
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.summary().startsWith("Seq Scan on events (~30000 rows)"), r.summary());
    }

    @Test
    void aContractWhoseIndexIsMissingFails() {
        CheckResult r = check("SELECT id FROM events WHERE kind = 'kind3' AND user_id = :user", "idx_events_kind");
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals("idx_events_kind does not exist (see expected-indexes)", r.summary());
    }

    @Test
    void aReadOnASmallTableThatDoesNotUseItsIndexIsSkippedWithTheReason() {
        CheckResult r = check("SELECT id FROM tiny WHERE code + 0 = :code", "idx_tiny_code");
        assertEquals(CheckStatus.SKIPPED, r.status(), r.summary());
        assertTrue(r.skipReason().startsWith("tiny holds ~50 rows, fewer than the 10000 that make a table large"), r.skipReason());
    }
}
