package cz.mluv.scheduler;

import cz.mluv.db.bootstrap.DatabaseBootstrap;
import cz.mluv.scheduler.refresh.OneShotRefresh;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Mluv scheduler: a worker process that keeps the materialized views fresh.
 *
 * <ul>
 *   <li>No argument: prepares the database like the API does ({@link DatabaseBootstrap}: embedded
 *       PostgreSQL with demo data when {@code MLUV_DB_URL} is not set), then runs the worker:
 *       scheduled refreshes ({@code MLUV_REFRESH_CRON}, default hourly), optional scheduled
 *       ANALYZE, and the management port ({@code MLUV_SCHEDULER_PORT}, default 8081) with
 *       {@code /health}, {@code /refresh}, {@code /metrics} and {@code /prometheus}. Stops on
 *       SIGTERM, waiting for a refresh in progress (bounded by {@code MLUV_REFRESH_SHUTDOWN_TIMEOUT}).</li>
 *   <li>{@code --once}: refreshes every view now and exits: 0 refreshed, 1 failed, 2 bad usage or
 *       database unreachable, 3 another worker was refreshing.</li>
 * </ul>
 */
public final class SchedulerApplication {

    private static final String USAGE = """
            usage: mluv-scheduler [--once | --help]
              (no argument)  run the worker: refresh on MLUV_REFRESH_CRON (default hourly), serve /health on MLUV_SCHEDULER_PORT
              --once         refresh now and exit: 0 refreshed, 1 failed, 2 usage/database error, 3 another worker holds the lock
              --help         this text""";

    private SchedulerApplication() {
    }

    /**
     * @param args {@code --once}, {@code --help}, or Micronaut command-line properties
     */
    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (list.contains("--help") || list.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        boolean once = list.contains("--once");
        String[] rest = list.stream().filter(a -> !a.equals("--once")).toArray(String[]::new);
        if (Arrays.stream(rest).anyMatch(a -> !a.startsWith("-"))) {
            System.err.println(USAGE);
            System.exit(OneShotRefresh.USAGE);
            return;
        }
        DatabaseBootstrap db;
        try {
            db = DatabaseBootstrap.start();
        } catch (RuntimeException e) {
            System.err.println("mluv-scheduler: " + e.getMessage());
            System.exit(OneShotRefresh.USAGE);
            return;
        }
        if (once) {
            int code = runOnce(db.micronautProperties(), System.out, System.err);
            db.close();
            System.exit(code);
        } else {
            start(db, rest);
        }
    }

    /**
     * Starts the worker on a prepared database.
     *
     * @param db   the prepared database
     * @param args Micronaut command-line arguments
     * @return the running context (closing it stops the worker and the management server)
     */
    public static ApplicationContext start(DatabaseBootstrap db, String... args) {
        return Micronaut.build(args).mainClass(SchedulerApplication.class).properties(db.micronautProperties()).start();
    }

    /**
     * The one-shot mode: a context without schedules or server, one refresh of every view.
     *
     * @param datasourceProperties Micronaut properties of the {@code default} datasource
     * @param out                  one line per view
     * @param err                  the reason when the context cannot start
     * @return the exit code ({@link OneShotRefresh})
     */
    public static int runOnce(Map<String, Object> datasourceProperties, PrintStream out, PrintStream err) {
        Map<String, Object> properties = new HashMap<>(datasourceProperties);
        properties.put("mluv.refresh.enabled", "false");
        properties.put("mluv.analyze.enabled", "false");
        properties.put("micronaut.metrics.enabled", "false");
        ApplicationContext ctx;
        try {
            ctx = ApplicationContext.builder().properties(properties).start();
        } catch (RuntimeException e) {
            err.println("mluv-scheduler: " + e.getMessage());
            return OneShotRefresh.USAGE;
        }
        try (ctx) {
            return OneShotRefresh.run(ctx, out);
        }
    }
}
