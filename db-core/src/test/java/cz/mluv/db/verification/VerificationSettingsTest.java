package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds from MLUV_VERIFICATION_* variables, with the documented defaults. */
class VerificationSettingsTest {

    @Test
    void defaultsAreTheSeedsNumbers() {
        VerificationSettings s = VerificationSettings.defaults();
        assertEquals(Duration.ofHours(2), s.viewWarnAfter());
        assertEquals(Duration.ofHours(24), s.viewFailAfter());
        assertEquals(100.0, s.slowQueryMs());
        assertEquals(20, s.indexTableMaxPercent());
        assertEquals(80, s.connectionsWarnPercent());
        assertEquals(30, s.poolMax());
    }

    @Test
    void variablesOverrideTheDefaultsInShortOrIsoDurations() {
        VerificationSettings s = Fixtures.settings(Map.of("MLUV_VERIFICATION_VIEW_WARN_AFTER", "90m",
                "MLUV_VERIFICATION_VIEW_FAIL_AFTER", "P2D", "MLUV_VERIFICATION_LARGE_TABLE_ROWS", "500", "MLUV_DB_POOL_MAX", "12"));
        assertEquals(Duration.ofMinutes(90), s.viewWarnAfter());
        assertEquals(Duration.ofDays(2), s.viewFailAfter());
        assertEquals(500, s.largeTableRows());
        assertEquals(12, s.poolMax());
        assertEquals("90m", VerificationSettings.format(s.viewWarnAfter()));
    }

    @Test
    void malformedOrReversedThresholdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fixtures.settings(Map.of("MLUV_VERIFICATION_VIEW_WARN_AFTER", "soon")));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.settings(Map.of("MLUV_VERIFICATION_VIEW_WARN_AFTER", "48h")));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("yaml"));
    }
}
