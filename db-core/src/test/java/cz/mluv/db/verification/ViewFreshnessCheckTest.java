package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code view-freshness}: the age of the last successful refresh recorded in mv_refresh_log. */
class ViewFreshnessCheckTest {

    @Test
    void aViewRefreshedLongAgoWarnsThenFailsAndANeverPopulatedOneFails() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("stale_view");
        CheckResult fresh = Fixtures.run(db, "view-freshness");
        assertEquals(CheckStatus.PASS, fresh.status(), "V3 populates the view and logs it: " + fresh.summary());

        Fixtures.exec(db, "INSERT INTO mv_refresh_log (view_name, mode, started_at, finished_at, duration_ms, outcome, error) "
                + "VALUES ('user_stats_summary', 'CONCURRENTLY', now(), now(), 5, 'FAILED', 'canceling statement due to lock timeout')");
        CheckResult lastFailed = Fixtures.run(db, "view-freshness");
        assertEquals(CheckStatus.WARN, lastFailed.status(), lastFailed.summary());
        assertTrue(lastFailed.summary().endsWith("but its latest refresh FAILED: canceling statement due to lock timeout"),
                lastFailed.summary());
        Fixtures.exec(db, "DELETE FROM mv_refresh_log WHERE outcome = 'FAILED'");

        Fixtures.exec(db, "UPDATE mv_refresh_log SET started_at = now() - interval '3 hours', finished_at = now() - interval '3 hours'");
        CheckResult warn = Fixtures.run(db, "view-freshness");
        assertEquals(CheckStatus.WARN, warn.status(), warn.summary());
        assertTrue(warn.summary().startsWith("user_stats_summary refreshed 3.0 h ago, more than 2h ago"), warn.summary());
        CheckResult laxer = Fixtures.run(db, "view-freshness", Fixtures.settings(Map.of("MLUV_VERIFICATION_VIEW_WARN_AFTER", "4h")));
        assertEquals(CheckStatus.PASS, laxer.status(), "the WARN threshold is configurable: " + laxer.summary());

        Fixtures.exec(db, "UPDATE mv_refresh_log SET started_at = now() - interval '25 hours', finished_at = now() - interval '25 hours'");
        CheckResult stale = Fixtures.run(db, "view-freshness");
        assertEquals(CheckStatus.FAIL, stale.status(), stale.summary());
        assertTrue(stale.summary().contains(", more than 24h ago"), stale.summary());

        Fixtures.exec(db, "REFRESH MATERIALIZED VIEW user_stats_summary WITH NO DATA");
        CheckResult empty = Fixtures.run(db, "view-freshness");
        assertEquals(CheckStatus.FAIL, empty.status());
        assertTrue(empty.summary().startsWith("user_stats_summary is not populated"), empty.summary());
    }
}
