package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under the read-only role of migrations V4 and V6 ({@code mluv_verifier}: pg_monitor, SELECT on
 * flyway_schema_history and mv_refresh_log, no domain table data) the catalogue reports every
 * check: the plan contracts, which need SELECT on the domain tables for EXPLAIN, are SKIPPED with
 * the privilege error as the reason; the catalog, statistics and bookkeeping checks run.
 */
class VerifierRoleTest {

    @Test
    void checksThatNeedTableDataAreSkippedWithTheReasonUnderTheVerifierRole() throws Exception {
        TestPostgres.Database db = Fixtures.migrated("verifier_role");
        String login = "verify_login_" + ProcessHandle.current().pid();
        Fixtures.exec(db, "DROP ROLE IF EXISTS " + login, "CREATE ROLE " + login + " LOGIN PASSWORD 'secret' IN ROLE mluv_verifier");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), login, "secret")) {
            VerificationReport report = VerificationCatalogue.standard().run(c);
            List<CheckId> planContracts = report.results().stream().map(CheckResult::id).filter(CheckId::isPlanContract).toList();
            assertTrue(planContracts.size() >= 5, planContracts::toString);
            for (CheckId id : planContracts) {
                CheckResult r = report.result(id).orElseThrow();
                assertEquals(CheckStatus.SKIPPED, r.status(), () -> id + ": " + r.summary());
                assertTrue(r.skipReason().startsWith("the database role may not read what this check needs (ERROR: permission denied"),
                        r.skipReason());
            }
            for (CheckId id : List.of(CheckId.MIGRATIONS_APPLIED, CheckId.EXPECTED_INDEXES, CheckId.VIEW_FRESHNESS,
                    CheckId.INVALID_INDEXES, CheckId.FK_WITHOUT_INDEX, CheckId.DUPLICATE_INDEXES, CheckId.LOCK_WAITS,
                    CheckId.CONNECTIONS, CheckId.INDEX_BUILD_PROGRESS)) {
                CheckResult r = report.result(id).orElseThrow();
                assertEquals(CheckStatus.PASS, r.status(), () -> id + ": " + r.summary());
            }
        } finally {
            Fixtures.exec(db, "DROP OWNED BY " + login, "DROP ROLE " + login);
        }
    }
}
