package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.verification.suggest.StatementShape;
import cz.mluv.db.verification.suggest.SuggestedIndexesCheck;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Suggested indexes from the top statements' WHERE and ORDER BY, ordered by pg_stats selectivity. */
class SuggestedIndexesTest {

    @Test
    void aFrequentFilterOnUnindexedColumnsOfALargeTableGetsASuggestionUntilTheIndexExists() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("suggested_indexes");
        CheckResult without = Fixtures.run(db, CheckId.SUGGESTED_INDEXES.value());
        assertEquals(CheckStatus.SKIPPED, without.status(), "no pg_stat_statements yet");

        Fixtures.exec(db, "CREATE EXTENSION pg_stat_statements",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL, "
                        + "created_at timestamptz NOT NULL)",
                "INSERT INTO orders SELECT n, n % 5000, (ARRAY['new','paid','sent'])[1 + n % 3], now() - n * interval '1 minute' "
                        + "FROM generate_series(1, 30000) n",
                "ANALYZE orders");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM orders o WHERE o.status = ? AND o.customer_id = ? ORDER BY o.created_at DESC LIMIT 10")) {
            for (int i = 0; i < 5; i++) {
                ps.setString(1, "paid");
                ps.setLong(2, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        CheckResult r = Fixtures.run(db, CheckId.SUGGESTED_INDEXES.value());
        assertEquals(CheckStatus.WARN, r.status(), r.summary());
        SuggestedIndexesCheck.SuggestedIndex s = r.details(SuggestedIndexesCheck.SuggestedIndex.class).getFirst();
        // customer_id (5,000 values) is more selective than status (3): it leads; then the ORDER BY column.
        assertEquals(List.of("customer_id", "status", "created_at"), s.columns());
        assertEquals("CREATE INDEX CONCURRENTLY idx_orders_customer_id_status_created_at ON orders (customer_id, status, created_at)",
                s.createStatement());
        assertEquals(5, s.calls());
        assertEquals(0, Fixtures.run(db, CheckId.SUGGESTED_INDEXES.value(),
                Fixtures.settings(java.util.Map.of("MLUV_VERIFICATION_LARGE_TABLE_ROWS", "100000"))).details().size(),
                "a table below the large-table size gets no suggestion");

        Fixtures.exec(db, s.createStatement());
        CheckResult served = Fixtures.run(db, CheckId.SUGGESTED_INDEXES.value());
        assertEquals(CheckStatus.PASS, served.status(), served.summary());
    }

    @Test
    void onlySingleTableSelectsWithAnAndOfComparisonsHaveAShape() {
        assertEquals(Optional.of(new StatementShape("t", List.of("a", "b"), List.of("c"), List.of("d"))),
                StatementShape.of("SELECT * FROM t WHERE a = $1 AND (b IN ($2, $3)) AND c > $4 ORDER BY d"));
        assertEquals(Optional.of(new StatementShape("t", List.of("x"), List.of(), List.of())),
                StatementShape.of("SELECT * FROM public.t AS q WHERE $1 = q.x"));
        assertTrue(StatementShape.of("SELECT * FROM t WHERE a = $1 OR b = $2").isEmpty(), "OR");
        assertTrue(StatementShape.of("SELECT * FROM t JOIN u ON u.id = t.u WHERE t.a = $1").isEmpty(), "join");
        assertTrue(StatementShape.of("UPDATE t SET a = $1 WHERE b = $2").isEmpty(), "not a SELECT");
        assertTrue(StatementShape.of("SELECT * FROM t").isEmpty(), "no filter");
        assertTrue(StatementShape.of("this is not SQL").isEmpty());
    }
}
