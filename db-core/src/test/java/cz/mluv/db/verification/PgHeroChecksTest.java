package cz.mluv.db.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.verification.activity.IdleInTransactionCheck;
import cz.mluv.db.verification.activity.LongRunningQueriesCheck;
import cz.mluv.db.verification.cache.CacheHitRateCheck;
import cz.mluv.db.verification.maintenance.DeadRowsAndVacuumCheck;
import cz.mluv.db.verification.maintenance.TransactionIdWraparoundCheck;
import cz.mluv.db.verification.space.RelationSizesCheck;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PgHero's checks that pg-index-health lacks, each made to WARN and to PASS on one database built
 * for this class (every test has its own tables). Statistics are flushed with
 * pg_stat_force_next_flush() so that the check's session sees them at once.
 */
class PgHeroChecksTest {

    private static final String FLUSH = "SELECT pg_stat_force_next_flush()";

    private static TestPostgres.Database db;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase("pghero");
    }

    @Test
    void cacheHitRatesOfTablesAndIndexesWarnBelowTheThresholdAndPassAboveIt() throws Exception {
        Fixtures.exec(db, "CREATE TABLE hits (id bigint PRIMARY KEY, body text NOT NULL)",
                "INSERT INTO hits SELECT n, md5(n::text) FROM generate_series(1, 2000) n",
                "SET enable_seqscan = off",
                "SELECT count(*) FROM hits WHERE id BETWEEN 10 AND 500",
                "RESET enable_seqscan",
                "SELECT count(*) FROM hits", FLUSH, "SELECT 1");
        for (CheckId id : new CheckId[] {CheckId.CACHE_HIT_RATE_TABLES, CheckId.CACHE_HIT_RATE_INDEXES}) {
            CheckResult normal = Fixtures.run(db, id.value());
            assertEquals(CheckStatus.PASS, normal.status(), normal.summary());
            assertTrue(normal.details(CacheHitRateCheck.HitRate.class).stream().anyMatch(r -> r.hits() > 0), normal.details()::toString);
            // No rate can reach 100.5 %: the same blocks now WARN.
            CheckResult strict = Fixtures.run(db, id.value(),
                    Fixtures.settings(Map.of("MLUV_VERIFICATION_CACHE_HIT_MIN_PERCENT", "100.5")));
            assertEquals(CheckStatus.WARN, strict.status(), strict.summary());
            assertTrue(strict.summary().contains("below 100.5 %"), strict.summary());
        }
    }

    @Test
    void aStatementRunningPastTheThresholdWarnsAndPassesOnceItEnds() throws Exception {
        Map<String, String> fast = Map.of("MLUV_VERIFICATION_LONG_QUERY_AFTER", "200ms");
        assertEquals(CheckStatus.PASS, Fixtures.run(db, CheckId.LONG_RUNNING_QUERIES.value(), Fixtures.settings(fast)).status());
        try (Connection sleeper = db.connect(); Statement st = sleeper.createStatement()) {
            CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
                try {
                    st.execute("SELECT pg_sleep(30)");
                } catch (Exception e) {
                    // cancelled below
                }
            });
            CheckResult r = await(CheckId.LONG_RUNNING_QUERIES, fast, CheckStatus.WARN);
            assertTrue(r.details(LongRunningQueriesCheck.RunningQuery.class).getFirst().query().contains("pg_sleep(30)"),
                    r.details()::toString);
            assertEquals(CheckStatus.PASS, Fixtures.run(db, CheckId.LONG_RUNNING_QUERIES.value()).status(),
                    "the default threshold of one minute is not reached");
            st.cancel();
            sleeping.get(10, TimeUnit.SECONDS);
        }
        await(CheckId.LONG_RUNNING_QUERIES, fast, CheckStatus.PASS);
    }

    @Test
    void aSessionIdleInTransactionPastTheThresholdWarnsUntilItEnds() throws Exception {
        Map<String, String> fast = Map.of("MLUV_VERIFICATION_IDLE_IN_TRANSACTION_AFTER", "100ms");
        try (Connection idle = db.connect(); Statement st = idle.createStatement()) {
            idle.setAutoCommit(false);
            st.execute("SELECT 42 AS forgotten");
            CheckResult r = await(CheckId.IDLE_IN_TRANSACTION, fast, CheckStatus.WARN);
            IdleInTransactionCheck.IdleTransaction first = r.details(IdleInTransactionCheck.IdleTransaction.class).getFirst();
            assertEquals("idle in transaction", first.state());
            assertTrue(first.lastQuery().contains("forgotten"), first::toString);
            assertEquals(CheckStatus.PASS, Fixtures.run(db, CheckId.IDLE_IN_TRANSACTION.value()).status(),
                    "the default threshold of one minute is not reached");
            idle.rollback();
        }
        await(CheckId.IDLE_IN_TRANSACTION, fast, CheckStatus.PASS);
    }

    @Test
    void transactionIdAgeWarnsAboveTheThresholdAndListsTheDatabaseAndTables() throws Exception {
        Fixtures.exec(db, "CREATE TABLE frozen (id bigint PRIMARY KEY)", "INSERT INTO frozen VALUES (1)");
        CheckResult normal = Fixtures.run(db, CheckId.TRANSACTION_ID_WRAPAROUND.value());
        assertEquals(CheckStatus.PASS, normal.status(), normal.summary());
        var ages = normal.details(TransactionIdWraparoundCheck.XidAge.class);
        assertTrue(ages.stream().anyMatch(a -> a.relation().startsWith("(database ")), ages::toString);
        assertTrue(ages.stream().anyMatch(a -> a.relation().equals("frozen") && a.xidAge() > 0
                && a.transactionsLeft() == 2_147_483_647L - a.xidAge()), ages::toString);
        CheckResult strict = Fixtures.run(db, CheckId.TRANSACTION_ID_WRAPAROUND.value(),
                Fixtures.settings(Map.of("MLUV_VERIFICATION_XID_WARN_AGE", "0")));
        assertEquals(CheckStatus.WARN, strict.status(), strict.summary());
        assertTrue(strict.summary().contains("frozen (age "), strict.summary());
    }

    @Test
    void manyDeadRowsWarnUntilVacuumRemovesThem() throws Exception {
        // No autovacuum on the fixture table, so that nothing vacuums it behind the test's back.
        Fixtures.exec(db, "CREATE TABLE churn (id bigint PRIMARY KEY, v int) WITH (autovacuum_enabled = false)",
                "INSERT INTO churn SELECT n, n FROM generate_series(1, 5000) n",
                "DELETE FROM churn WHERE id > 1000", FLUSH, "SELECT 1");
        CheckResult dirty = Fixtures.run(db, CheckId.DEAD_ROWS_AND_VACUUM.value());
        assertEquals(CheckStatus.WARN, dirty.status(), dirty.summary());
        DeadRowsAndVacuumCheck.TableMaintenance churn = dirty.details(DeadRowsAndVacuumCheck.TableMaintenance.class).stream()
                .filter(t -> t.tableName().equals("churn")).findFirst().orElseThrow();
        assertEquals(4000, churn.deadRows());
        assertEquals(null, churn.lastVacuum());
        Fixtures.exec(db, "VACUUM churn", FLUSH, "SELECT 1");
        CheckResult clean = Fixtures.run(db, CheckId.DEAD_ROWS_AND_VACUUM.value());
        assertEquals(CheckStatus.PASS, clean.status(), clean.summary());
        assertTrue(clean.details(DeadRowsAndVacuumCheck.TableMaintenance.class).stream()
                .anyMatch(t -> t.tableName().equals("churn") && t.deadRows() == 0 && t.lastVacuum() != null), clean.details()::toString);
    }

    @Test
    void relationSizesListEveryTableAndWarnAboveTheThreshold() throws Exception {
        Fixtures.exec(db, "CREATE TABLE sized (id bigint PRIMARY KEY, body text NOT NULL)",
                "INSERT INTO sized SELECT n, repeat('x', 500) FROM generate_series(1, 2000) n");
        CheckResult normal = Fixtures.run(db, CheckId.RELATION_SIZES.value());
        assertEquals(CheckStatus.PASS, normal.status(), normal.summary());
        RelationSizesCheck.RelationSize sized = normal.details(RelationSizesCheck.RelationSize.class).stream()
                .filter(r -> r.relation().equals("sized")).findFirst().orElseThrow();
        assertTrue(sized.tableBytes() > 1_000_000 && sized.indexBytes() > 0
                && sized.totalBytes() == sized.tableBytes() + sized.indexBytes(), sized::toString);
        CheckResult strict = Fixtures.run(db, CheckId.RELATION_SIZES.value(),
                Fixtures.settings(Map.of("MLUV_VERIFICATION_RELATION_WARN_BYTES", "1000000")));
        assertEquals(CheckStatus.WARN, strict.status(), strict.summary());
        assertTrue(strict.summary().contains("sized"), strict.summary());
    }

    private static CheckResult await(CheckId id, Map<String, String> settings, CheckStatus expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        CheckResult r = Fixtures.run(db, id.value(), Fixtures.settings(settings));
        while (r.status() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = Fixtures.run(db, id.value(), Fixtures.settings(settings));
        }
        assertEquals(expected, r.status(), r.summary());
        return r;
    }
}
