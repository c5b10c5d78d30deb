package cz.mluv.migrations.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V2 builds its indexes with CREATE INDEX CONCURRENTLY while the application keeps writing. */
class ConcurrentIndexBuildTest {

    private static final int EXISTING_MESSAGES = 60_000;
    private static TestPostgres.Database db;

    @BeforeAll
    static void databaseAtVersionOneWithManyMessages() {
        db = TestPostgres.newDatabase("concurrent_build");
        assertEquals(0, Cli.run(db, "migrate", "--target", "1").exitCode());
        Sql.exec(db,
                "CREATE EXTENSION IF NOT EXISTS amcheck",
                "INSERT INTO users (telegram_id, first_name) SELECT g, 'U' || g FROM generate_series(1, 200) g",
                "INSERT INTO messages (user_id, role, text, correctness_score, created_at)"
                        + " SELECT 1 + g % 200, 'user', 'Dám si pivo a knedlíky číslo ' || g, g % 101,"
                        + " timestamptz '2026-01-01' + g * interval '1 second' FROM generate_series(1, " + EXISTING_MESSAGES + ") g",
                "ANALYZE messages");
    }

    @Test
    void insertsDuringTheConcurrentIndexBuildsAreNeitherBlockedNorLost() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong inserted = new AtomicLong();
        List<Throwable> writerErrors = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().name("writer").start(() -> insertUntilStopped(stop, inserted, writerErrors));
        try {
            while (inserted.get() < 50 && writerErrors.isEmpty()) {
                Thread.sleep(10);
            }
            long beforeMigrate = inserted.get();
            Cli.Result r = Cli.run(db, "migrate", "--target", "2");
            long afterMigrate = inserted.get();
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(afterMigrate - beforeMigrate > 20,
                    "the writer should have kept inserting during the build: " + (afterMigrate - beforeMigrate) + " rows");
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        assertEquals(List.of(), writerErrors);
        assertEquals(EXISTING_MESSAGES + inserted.get(), Sql.number(db, "SELECT count(*) FROM messages"));

        for (String index : List.of("idx_messages_user_created", "idx_messages_text_search", "idx_messages_correctness_score")) {
            assertTrue(Sql.validIndex(db, index), index);
        }
        // amcheck: every heap row (old and inserted during the build) is in the B-tree indexes.
        Sql.exec(db, "SELECT bt_index_check('idx_messages_user_created', true)",
                "SELECT bt_index_check('idx_messages_correctness_score', true)");
        // The GIN index finds every row written during the build too: index scan = sequential scan.
        String tsQuery = "SELECT count(*) FROM messages WHERE to_tsvector('czech', text) @@ plainto_tsquery('czech', 'zapsano')";
        long bySeqScan = Sql.number(db, tsQuery);
        assertEquals(inserted.get(), bySeqScan);
        assertEquals(bySeqScan, Long.parseLong(indexScanCount(tsQuery)));
    }

    private static String indexScanCount(String query) {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            try (var plan = st.executeQuery("EXPLAIN " + query)) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
                assertTrue(text.toString().contains("idx_messages_text_search"), text::toString);
            }
            try (var rs = st.executeQuery(query)) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insertUntilStopped(AtomicBoolean stop, AtomicLong inserted, List<Throwable> errors) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO messages (user_id, role, text, correctness_score) VALUES (?, 'user', ?, ?)")) {
            while (!stop.get()) {
                long n = inserted.get() + 1;
                ps.setLong(1, 1 + n % 200);
                ps.setString(2, "zapsáno během stavby indexu " + n);
                ps.setInt(3, (int) (n % 101));
                ps.executeUpdate();
                inserted.incrementAndGet();
            }
        } catch (Throwable e) {
            errors.add(e);
        }
    }
}
