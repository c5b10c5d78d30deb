package cz.mluv.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.plan.HotRead;
import cz.mluv.db.plan.HotReads;
import cz.mluv.db.plan.PlanInspector;
import cz.mluv.db.plan.QueryPlan;
import cz.mluv.db.testing.DemoDatabase;
import cz.mluv.db.verification.CheckStatus;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.VerificationSettings;
import cz.mluv.db.verification.plan.PlanContractCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With demo data and fresh statistics (the loader ANALYZEs), EXPLAIN of every hot read uses its
 * named index and reads no large table (the catalogue's rule: 10,000+ estimated rows) with a
 * sequential scan: the plan contract PASSes, it is not merely skipped.
 */
class PlanContractsTest {

    static Stream<HotRead> hotReads() {
        return HotReads.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hotReads")
    void hotReadUsesItsIndexNotASeqScan(HotRead read) throws SQLException {
        try (Connection c = DemoDatabase.get().connect()) {
            QueryPlan plan = PlanInspector.explain(c, read);
            System.out.println("-- " + read.id() + "\n" + plan.text());
            assertTrue(plan.uses(read.expectedIndex()), () -> read.id() + " must use " + read.expectedIndex() + ":\n" + plan.text());
            Outcome contract = new PlanContractCheck(read, VerificationSettings.defaults().largeTableRows()).evaluate(c);
            assertEquals(CheckStatus.PASS, contract.status(), () -> read.id() + ": " + contract.summary() + "\n" + plan.text());
        }
    }
}
