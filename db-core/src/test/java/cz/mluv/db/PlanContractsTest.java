package cz.mluv.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.plan.HotRead;
import cz.mluv.db.plan.HotReads;
import cz.mluv.db.plan.PlanInspector;
import cz.mluv.db.plan.QueryPlan;
import cz.mluv.db.testing.DemoDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With demo data and fresh statistics (the loader ANALYZEs), EXPLAIN of every hot read uses its
 * named index and reads no large table with a sequential scan.
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
            List<String> large = List.of("messages", "users", "daily_stats", "saved_words", "user_stats_summary");
            assertTrue(plan.seqScans().stream().noneMatch(large::contains), () -> read.id() + " has a Seq Scan:\n" + plan.text());
        }
    }
}
