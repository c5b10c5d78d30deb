package cz.mluv.db.refresh;

import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A database of its own for tests that refresh and write (the shared demo database is
 * read-only): migrated, with a small demo data set, plus helpers to query it and to hold locks.
 */
public final class RefreshTestDatabase {

    /** 1,000 users and 20,000 messages: loads in about a second. */
    public static final DemoDataSize SIZE = new DemoDataSize(1_000, 20_000, 11);

    private RefreshTestDatabase() {
    }

    /**
     * @param prefix database name prefix
     * @return a new migrated database holding {@link #SIZE} demo data
     */
    public static TestPostgres.Database create(String prefix) {
        return create(prefix, SIZE);
    }

    /**
     * @param prefix database name prefix
     * @param size   demo data to load
     * @return a new migrated database holding {@code size} demo data
     */
    public static TestPostgres.Database create(String prefix, DemoDataSize size) {
        TestPostgres.Database db = TestPostgres.newDatabase(prefix);
        Migrations.migrate(db.dataSource());
        try {
            new DemoDataGenerator(db.dataSource(), line -> { }).load(size);
        } catch (SQLException e) {
            throw new IllegalStateException("demo data did not load", e);
        }
        return db;
    }

    /**
     * @param db    the database
     * @param extra properties added or overriding (e.g. {@code mluv.refresh.lock-timeout})
     * @return Micronaut properties of a context on {@code db}, without statement counting
     */
    public static Map<String, Object> properties(TestPostgres.Database db, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(TestContexts.properties(db));
        p.remove("mluv.test.count-statements");
        p.put("datasources.default.connection-timeout", 3_000);
        p.putAll(extra);
        return p;
    }

    /**
     * @return a started context on {@code db}
     */
    public static ApplicationContext context(TestPostgres.Database db, Map<String, Object> extra) {
        return ApplicationContext.builder().properties(properties(db, extra)).start();
    }

    /** @return the first column of the first row of {@code sql} as a long */
    public static long number(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return the first column of every row of {@code sql} as strings */
    public static List<String> strings(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Runs {@code sql} in autocommit. */
    public static void exec(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Holds ACCESS EXCLUSIVE on {@code messages} until closed: a refresh then waits on it (reading
     * the view stays possible, since the view is a table of its own).
     *
     * @return the holding session; closing it rolls back and releases the lock
     */
    public static AutoCloseable lockMessages(TestPostgres.Database db) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE");
        }
        return () -> {
            c.rollback();
            c.close();
        };
    }

    /** @return the pid of a backend running REFRESH MATERIALIZED VIEW while waiting on a lock, or 0 */
    public static long waitingRefreshPid(TestPostgres.Database db) throws SQLException {
        return number(db, """
                SELECT coalesce(max(pid), 0) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'REFRESH MATERIALIZED VIEW%'
                  AND wait_event_type = 'Lock'""");
    }

    /**
     * Polls {@code condition} every 20 ms.
     *
     * @throws AssertionError when it is still false after {@code timeout}
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** A condition that may throw SQLException (wrapped). */
    @FunctionalInterface
    public interface SqlCondition {
        /** @return whether it holds */
        boolean test() throws SQLException;
    }

    /** @return {@code condition} as a BooleanSupplier rethrowing SQLException unchecked */
    public static BooleanSupplier sql(SqlCondition condition) {
        return () -> {
            try {
                return condition.test();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
