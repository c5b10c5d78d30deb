package cz.mluv.scheduler;

import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.db.refresh.RefreshTestDatabase;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The database the scheduler's test classes share (they run one after another; each asserts on
 * its own workers' names and log rows), and contexts of workers on it.
 */
public final class SchedulerTestDatabase {

    /** A tick every second. */
    public static final String EVERY_SECOND = "* * * * * *";

    private static volatile TestPostgres.Database database;

    private SchedulerTestDatabase() {
    }

    /** Demo data of the shared database: 500 users, 5,000 messages (the worker's behaviour, not its speed, is tested here). */
    public static final DemoDataSize SIZE = new DemoDataSize(500, 5_000, 13);

    /** @return the shared database, created with {@link #SIZE} demo data on first use */
    public static synchronized TestPostgres.Database get() {
        if (database == null) {
            database = RefreshTestDatabase.create("scheduler", SIZE);
        }
        return database;
    }

    /**
     * @param db     the database
     * @param worker the worker's name (stored in the log)
     * @param extra  more properties (override the defaults)
     * @return properties of a worker ticking every second, without catch-up at start
     */
    public static Map<String, Object> workerProperties(TestPostgres.Database db, String worker, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("mluv.refresh.cron", EVERY_SECOND);
        p.put("mluv.refresh.worker-name", worker);
        p.put("mluv.refresh.catch-up-on-start", "false");
        p.put("mluv.refresh.metrics-poll", "1h");
        p.put("mluv.refresh.backoff", "100ms");
        p.putAll(extra);
        return RefreshTestDatabase.properties(db, p);
    }

    /** @return a started worker context (no HTTP server) */
    public static ApplicationContext worker(TestPostgres.Database db, String worker, Map<String, Object> extra) {
        return ApplicationContext.builder().properties(workerProperties(db, worker, extra)).start();
    }
}
