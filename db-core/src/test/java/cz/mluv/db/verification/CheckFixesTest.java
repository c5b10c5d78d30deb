package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.verification.index.HealthDiagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check of the standard catalogue tells the operator what to do when it warns or fails. */
class CheckFixesTest {

    @Test
    void everyCheckOfTheStandardCatalogueHasAFixOfItsOwn() {
        List<VerificationCheck> checks = VerificationCatalogue.standardChecks(VerificationSettings.defaults());
        assertTrue(checks.size() > 60, "checks: " + checks.size());
        for (VerificationCheck c : checks) {
            String id = c.id().value();
            assertFalse(c.fix() == null || c.fix().isBlank(), id);
            assertNotEquals(c.why(), c.fix(), id);
            assertNotEquals(c.passRule(), c.fix(), id);
        }
        for (String replication : List.of("replica-lag", "replication-slots", "standby-streaming", "replica-view-freshness")) {
            assertTrue(checks.stream().anyMatch(c -> c.id().value().equals(replication)), replication);
        }
    }

    @Test
    void everyLibraryDiagnosticHasItsOwnFix() {
        for (HealthDiagnostic d : HealthDiagnostic.values()) {
            assertFalse(d.fix().isBlank(), d.name());
        }
        assertEquals(HealthDiagnostic.values().length,
                java.util.Arrays.stream(HealthDiagnostic.values()).map(HealthDiagnostic::fix).distinct().count(),
                "one fix per diagnostic, none copied");
    }

    @Test
    void aResultCarriesItsChecksFix() {
        VerificationCheck check = VerificationCatalogue.standardChecks(VerificationSettings.defaults()).getFirst();
        CheckResult result = CheckResult.of(check, Outcome.pass("ok", List.of()), 1);
        assertEquals(check.fix(), result.fix());
    }
}
