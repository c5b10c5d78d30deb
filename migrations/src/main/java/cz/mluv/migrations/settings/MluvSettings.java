package cz.mluv.migrations.settings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every deploy-time setting of Mluv, declared once: name, type, default, range (see {@link Setting}).
 * Code reads them with {@link SettingsReader}; where Micronaut binds a setting
 * ({@code @Bindable}, {@code @Value}, {@code ${MLUV_X:default}} in application.yml) its default is
 * the {@code *_DEFAULT} constant here, and the services' tests check every application.yml
 * placeholder against {@link #byName(String)}. README's configuration tables list them all (checked
 * by a test of this module).
 *
 * <p>A {@code null} default means none, or one the reader computes: {@link #DB_USER} ({@code postgres}
 * on the embedded server, the URL's user otherwise), {@link #MIGRATE_ON_START} ({@code true} on the
 * embedded server, {@code false} otherwise), {@link #ADMIN_PASSWORD} (a development password on the
 * embedded server only), {@link #WORKER_NAME} ({@code pid@host}).
 */
public final class MluvSettings {

    private MluvSettings() {
    }

    // --- database (db-core bootstrap, the deploy tool) ---------------------------------------
    /** JDBC URL of an external PostgreSQL; none = the embedded server. */
    public static final Setting<String> DB_URL = Setting.text("MLUV_DB_URL", null);
    /** Database user; computed default (see the class comment). */
    public static final Setting<String> DB_USER = Setting.text("MLUV_DB_USER", null);
    /** Database password. */
    public static final Setting<String> DB_PASSWORD = Setting.text("MLUV_DB_PASSWORD", "");
    /** Default of {@link #DB_POOL_MAX}: the seeds' 20 connections + 10 burst. */
    public static final String DB_POOL_MAX_DEFAULT = "30";
    /** HikariCP maximum pool size, connections. */
    public static final Setting<Integer> DB_POOL_MAX = Setting.integer("MLUV_DB_POOL_MAX", DB_POOL_MAX_DEFAULT, 1, 1000);
    /** Idle connections kept (capped at the pool's maximum). */
    public static final Setting<Integer> DB_POOL_MIN_IDLE = Setting.integer("MLUV_DB_POOL_MIN_IDLE", "20", 0, 1000);
    /** Wait for a pooled connection, ms. */
    public static final Setting<Integer> DB_CONNECTION_TIMEOUT_MS =
            Setting.integer("MLUV_DB_CONNECTION_TIMEOUT_MS", "30000", 250, 600_000);
    /** Wait of an API request for a pooled connection before it is answered 503, ms. */
    public static final Setting<Integer> API_DB_WAIT_MS = Setting.integer("MLUV_API_DB_WAIT_MS", "1500", 250, 600_000);
    /** PostgreSQL JIT per connection. */
    public static final Setting<String> DB_JIT = Setting.text("MLUV_DB_JIT", "off", "on", "off");
    /** Data directory of the embedded server. */
    public static final Setting<String> EMBEDDED_DATA_DIR = Setting.text("MLUV_EMBEDDED_DATA_DIR", ".mluv/pgdata");
    /** Port of the embedded server (0 = any free port). */
    public static final Setting<Integer> EMBEDDED_PORT = Setting.integer("MLUV_EMBEDDED_PORT", "54329", 0, 65535);
    /** Apply pending migrations at start; computed default (see the class comment). */
    public static final Setting<Boolean> MIGRATE_ON_START = Setting.bool("MLUV_MIGRATE_ON_START", null);
    /** {@code lock_timeout} of migrating sessions; 0 waits forever (PostgreSQL's limit: 2^31-1 ms). */
    public static final Setting<Duration> LOCK_TIMEOUT =
            Setting.duration("MLUV_LOCK_TIMEOUT", "5s", Duration.ZERO, Duration.ofMillis(Integer.MAX_VALUE));

    // --- demo data ------------------------------------------------------------------------------
    /** Demo users. */
    public static final Setting<Integer> DEMO_USERS = Setting.integer("MLUV_DEMO_USERS", "10000", 1, 10_000_000);
    /** Demo messages (user and assistant together). */
    public static final Setting<Long> DEMO_MESSAGES = Setting.longInteger("MLUV_DEMO_MESSAGES", "200000", 0, 200_000_000);
    /** Demo data seed. */
    public static final Setting<Long> DEMO_SEED = Setting.longInteger("MLUV_DEMO_SEED", "42", Long.MIN_VALUE, Long.MAX_VALUE);

    // --- read replicas --------------------------------------------------------------------------
    /** Embedded hot standbys beside the embedded primary. */
    public static final Setting<Integer> REPLICAS = Setting.integer("MLUV_REPLICAS", "0", 0, 9);
    /** JDBC URLs of an external primary's replicas. */
    public static final Setting<List<String>> DB_REPLICA_URLS = Setting.list("MLUV_DB_REPLICA_URLS", null);
    /** The replay lag above which a replica serves no read. */
    public static final Setting<Duration> MAX_REPLICA_LAG =
            Setting.duration("MLUV_MAX_REPLICA_LAG", "5s", Duration.ofMillis(1), Duration.ofDays(365));
    /** HikariCP maximum size of each replica's pool, connections. */
    public static final Setting<Integer> DB_REPLICA_POOL_MAX = Setting.integer("MLUV_DB_REPLICA_POOL_MAX", "30", 1, 1000);
    /** WAL a replication slot may hold back before {@code replication-slots} fails, MB. */
    public static final Setting<Long> MAX_SLOT_WAL = Setting.longInteger("MLUV_MAX_SLOT_WAL", "1024", 1, 10_000_000);

    // --- API (bound by Micronaut from application.yml) ---------------------------------------
    /** HTTP port of the API (-1 = any free port). */
    public static final Setting<Integer> API_PORT = Setting.integer("MLUV_API_PORT", "8080", -1, 65535);
    /** Default of {@link #API_CACHE}. */
    public static final String API_CACHE_DEFAULT = "true";
    /** ETags, Cache-Control, 304s and cached answers on the view-backed reads. */
    public static final Setting<Boolean> API_CACHE = Setting.bool("MLUV_API_CACHE", API_CACHE_DEFAULT);
    /** Default of {@link #API_CACHE_MAX_ENTRIES}. */
    public static final String API_CACHE_MAX_ENTRIES_DEFAULT = "10000";
    /** Most rendered answers an API instance keeps. */
    public static final Setting<Integer> API_CACHE_MAX_ENTRIES =
            Setting.integer("MLUV_API_CACHE_MAX_ENTRIES", API_CACHE_MAX_ENTRIES_DEFAULT, 0, Integer.MAX_VALUE);
    /** Default of {@link #API_REFRESH_POLL}. */
    public static final String API_REFRESH_POLL_DEFAULT = "10s";
    /** How often an API instance reads the refresh log. */
    public static final Setting<Duration> API_REFRESH_POLL =
            Setting.duration("MLUV_API_REFRESH_POLL", API_REFRESH_POLL_DEFAULT, Duration.ofMillis(1), Duration.ofDays(1));
    /** Default of {@link #MANAGEMENT_USER}. */
    public static final String MANAGEMENT_USER_DEFAULT = "management";
    /** HTTP Basic account that sees /health details. */
    public static final Setting<String> MANAGEMENT_USER = Setting.text("MLUV_MANAGEMENT_USER", MANAGEMENT_USER_DEFAULT);
    /** Its password; empty = nobody sees the details. */
    public static final Setting<String> MANAGEMENT_PASSWORD = Setting.text("MLUV_MANAGEMENT_PASSWORD", "");

    // --- scheduler (bound by Micronaut from application.yml) ---------------------------------
    /** Management port of the scheduler (-1 = any free port). */
    public static final Setting<Integer> SCHEDULER_PORT = Setting.integer("MLUV_SCHEDULER_PORT", "8081", -1, 65535);
    /** Default of {@link #REFRESH_CRON}: hourly. */
    public static final String REFRESH_CRON_DEFAULT = "0 0 * * * *";
    /** The view refresh cron (seconds first); the API reads it too. */
    public static final Setting<String> REFRESH_CRON = Setting.text("MLUV_REFRESH_CRON", REFRESH_CRON_DEFAULT);
    /** Scheduled refreshes on or off. */
    public static final Setting<Boolean> REFRESH_ENABLED = Setting.bool("MLUV_REFRESH_ENABLED", "true");
    /** Default of {@link #REFRESH_VIEWS}. */
    public static final String REFRESH_VIEWS_DEFAULT = "user_stats_summary";
    /** Views refreshed each tick (allow-list). */
    public static final Setting<List<String>> REFRESH_VIEWS = Setting.list("MLUV_REFRESH_VIEWS", REFRESH_VIEWS_DEFAULT);
    /** Default of {@link #REFRESH_STATEMENT_TIMEOUT}. */
    public static final String REFRESH_STATEMENT_TIMEOUT_DEFAULT = "10m";
    /** statement_timeout of the refresh session. */
    public static final Setting<Duration> REFRESH_STATEMENT_TIMEOUT = Setting.duration("MLUV_REFRESH_STATEMENT_TIMEOUT",
            REFRESH_STATEMENT_TIMEOUT_DEFAULT, Duration.ofMillis(1), Duration.ofMillis(Integer.MAX_VALUE));
    /** Default of {@link #REFRESH_LOCK_TIMEOUT}. */
    public static final String REFRESH_LOCK_TIMEOUT_DEFAULT = "10s";
    /** lock_timeout of the refresh session. */
    public static final Setting<Duration> REFRESH_LOCK_TIMEOUT = Setting.duration("MLUV_REFRESH_LOCK_TIMEOUT",
            REFRESH_LOCK_TIMEOUT_DEFAULT, Duration.ofMillis(1), Duration.ofMillis(Integer.MAX_VALUE));
    /** Default of {@link #REFRESH_MAX_ATTEMPTS}. */
    public static final String REFRESH_MAX_ATTEMPTS_DEFAULT = "3";
    /** Tries per refresh. */
    public static final Setting<Integer> REFRESH_MAX_ATTEMPTS =
            Setting.integer("MLUV_REFRESH_MAX_ATTEMPTS", REFRESH_MAX_ATTEMPTS_DEFAULT, 1, 100);
    /** Default of {@link #REFRESH_BACKOFF}. */
    public static final String REFRESH_BACKOFF_DEFAULT = "2s";
    /** Pause before the second try, doubled after. */
    public static final Setting<Duration> REFRESH_BACKOFF =
            Setting.duration("MLUV_REFRESH_BACKOFF", REFRESH_BACKOFF_DEFAULT, Duration.ZERO, Duration.ofHours(1));
    /** Default of {@link #REFRESH_MAX_BACKOFF}. */
    public static final String REFRESH_MAX_BACKOFF_DEFAULT = "30s";
    /** Longest pause between tries. */
    public static final Setting<Duration> REFRESH_MAX_BACKOFF =
            Setting.duration("MLUV_REFRESH_MAX_BACKOFF", REFRESH_MAX_BACKOFF_DEFAULT, Duration.ZERO, Duration.ofHours(1));
    /** Default of {@link #REFRESH_SHUTDOWN_TIMEOUT}. */
    public static final String REFRESH_SHUTDOWN_TIMEOUT_DEFAULT = "30s";
    /** Wait for a refresh in progress at shutdown. */
    public static final Setting<Duration> REFRESH_SHUTDOWN_TIMEOUT =
            Setting.duration("MLUV_REFRESH_SHUTDOWN_TIMEOUT", REFRESH_SHUTDOWN_TIMEOUT_DEFAULT, Duration.ZERO, Duration.ofHours(1));
    /** The worker's name in the log; computed default (see the class comment). */
    public static final Setting<String> WORKER_NAME = Setting.text("MLUV_WORKER_NAME", "");
    /** Default of {@link #REFRESH_CATCH_UP}. */
    public static final String REFRESH_CATCH_UP_DEFAULT = "true";
    /** Refresh at start when the view is stale or never refreshed. */
    public static final Setting<Boolean> REFRESH_CATCH_UP = Setting.bool("MLUV_REFRESH_CATCH_UP", REFRESH_CATCH_UP_DEFAULT);
    /** Default of {@link #REFRESH_METRICS_POLL}. */
    public static final String REFRESH_METRICS_POLL_DEFAULT = "15s";
    /** How often the refresh gauges re-read freshness. */
    public static final Setting<Duration> REFRESH_METRICS_POLL =
            Setting.duration("MLUV_REFRESH_METRICS_POLL", REFRESH_METRICS_POLL_DEFAULT, Duration.ofMillis(1), Duration.ofDays(1));
    /** Scheduled ANALYZE of the hot tables on or off. */
    public static final Setting<Boolean> ANALYZE_ENABLED = Setting.bool("MLUV_ANALYZE_ENABLED", "false");
    /** Default of {@link #ANALYZE_CRON}. */
    public static final String ANALYZE_CRON_DEFAULT = "0 30 3 * * *";
    /** ANALYZE ticks. */
    public static final Setting<String> ANALYZE_CRON = Setting.text("MLUV_ANALYZE_CRON", ANALYZE_CRON_DEFAULT);
    /** Default of {@link #ANALYZE_TABLES}. */
    public static final String ANALYZE_TABLES_DEFAULT = "users,messages,daily_stats,saved_words,user_stars,user_settings";
    /** Tables ANALYZEd (allow-list). */
    public static final Setting<List<String>> ANALYZE_TABLES = Setting.list("MLUV_ANALYZE_TABLES", ANALYZE_TABLES_DEFAULT);
    /** Default of {@link #HISTORY_ENABLED}. */
    public static final String HISTORY_ENABLED_DEFAULT = "true";
    /** Scheduled statistics snapshots on or off. */
    public static final Setting<Boolean> HISTORY_ENABLED = Setting.bool("MLUV_HISTORY_ENABLED", HISTORY_ENABLED_DEFAULT);
    /** Default of {@link #HISTORY_CRON}: every 15 minutes. */
    public static final String HISTORY_CRON_DEFAULT = "0 */15 * * * *";
    /** When the scheduler snapshots statistics. */
    public static final Setting<String> HISTORY_CRON = Setting.text("MLUV_HISTORY_CRON", HISTORY_CRON_DEFAULT);
    /** Default of {@link #HISTORY_RETENTION}: PgHero's two weeks. */
    public static final String HISTORY_RETENTION_DEFAULT = "14d";
    /** How long snapshots are kept. */
    public static final Setting<Duration> HISTORY_RETENTION =
            Setting.duration("MLUV_HISTORY_RETENTION", HISTORY_RETENTION_DEFAULT, Duration.ofMinutes(1), Duration.ofDays(3650));

    // --- admin console --------------------------------------------------------------------------
    /** Interface the console listens on. */
    public static final Setting<String> ADMIN_HOST = Setting.text("MLUV_ADMIN_HOST", "0.0.0.0");
    /** HTTP port of the console (0 = any free port). */
    public static final Setting<Integer> ADMIN_PORT = Setting.integer("MLUV_ADMIN_PORT", "8090", 0, 65535);
    /** The first deployer's name. */
    public static final Setting<String> ADMIN_USER = Setting.text("MLUV_ADMIN_USER", "admin");
    /** The first deployer's password; computed default (see the class comment). */
    public static final Setting<String> ADMIN_PASSWORD = Setting.text("MLUV_ADMIN_PASSWORD", null);
    /** Read-only accounts, {@code name:password,...}. */
    public static final Setting<List<String>> ADMIN_VIEWERS = Setting.list("MLUV_ADMIN_VIEWERS", null);
    /** Idle minutes after which a console session ends. */
    public static final Setting<Integer> ADMIN_SESSION_TIMEOUT_MINUTES =
            Setting.integer("MLUV_ADMIN_SESSION_TIMEOUT_MINUTES", "30", 1, 24 * 60);

    // --- verification catalogue (also bound by Micronaut as mluv.verification.*) -------------
    /** Default of {@link #VERIFICATION_VIEW_WARN_AFTER}. */
    public static final String VIEW_WARN_AFTER_DEFAULT = "2h";
    /** A materialized view older than this is WARN. */
    public static final Setting<Duration> VERIFICATION_VIEW_WARN_AFTER =
            Setting.duration("MLUV_VERIFICATION_VIEW_WARN_AFTER", VIEW_WARN_AFTER_DEFAULT, Duration.ZERO, Duration.ofDays(3650));
    /** Default of {@link #VERIFICATION_VIEW_FAIL_AFTER}. */
    public static final String VIEW_FAIL_AFTER_DEFAULT = "24h";
    /** ... and older than this FAIL. */
    public static final Setting<Duration> VERIFICATION_VIEW_FAIL_AFTER =
            Setting.duration("MLUV_VERIFICATION_VIEW_FAIL_AFTER", VIEW_FAIL_AFTER_DEFAULT, Duration.ZERO, Duration.ofDays(3650));
    /** Default of {@link #VERIFICATION_LARGE_TABLE_ROWS}: seed 002's production size. */
    public static final String LARGE_TABLE_ROWS_DEFAULT = "10000";
    /** Rows from which a Seq Scan fails a plan contract. */
    public static final Setting<Long> VERIFICATION_LARGE_TABLE_ROWS =
            Setting.longInteger("MLUV_VERIFICATION_LARGE_TABLE_ROWS", LARGE_TABLE_ROWS_DEFAULT, 0, Long.MAX_VALUE);
    /** Default of {@link #VERIFICATION_SLOW_QUERY_MS}: seed 001's 100 ms. */
    public static final String SLOW_QUERY_MS_DEFAULT = "100";
    /** Mean execution time above which a statement is slow, ms. */
    public static final Setting<Double> VERIFICATION_SLOW_QUERY_MS =
            Setting.decimal("MLUV_VERIFICATION_SLOW_QUERY_MS", SLOW_QUERY_MS_DEFAULT, 0, Double.MAX_VALUE);
    /** Default of {@link #VERIFICATION_CONNECTIONS_WARN_PERCENT}. */
    public static final String CONNECTIONS_WARN_PERCENT_DEFAULT = "80";
    /** Share of max_connections in use above which connections WARN, %. */
    public static final Setting<Integer> VERIFICATION_CONNECTIONS_WARN_PERCENT =
            Setting.integer("MLUV_VERIFICATION_CONNECTIONS_WARN_PERCENT", CONNECTIONS_WARN_PERCENT_DEFAULT, 0, 100);
    /** Default of {@link #VERIFICATION_INDEX_TABLE_MAX_PERCENT}: seed 002's 20 %. */
    public static final String INDEX_TABLE_MAX_PERCENT_DEFAULT = "20";
    /** An index above this share of its table's size WARNs, %. */
    public static final Setting<Integer> VERIFICATION_INDEX_TABLE_MAX_PERCENT =
            Setting.integer("MLUV_VERIFICATION_INDEX_TABLE_MAX_PERCENT", INDEX_TABLE_MAX_PERCENT_DEFAULT, 0, 1000);
    /** Default of {@link #VERIFICATION_RATIO_MIN_TABLE_BYTES}: 1 MiB. */
    public static final String RATIO_MIN_TABLE_BYTES_DEFAULT = "1048576";
    /** Tables from this size on are judged by the index/table ratio, bytes. */
    public static final Setting<Long> VERIFICATION_RATIO_MIN_TABLE_BYTES =
            Setting.longInteger("MLUV_VERIFICATION_RATIO_MIN_TABLE_BYTES", RATIO_MIN_TABLE_BYTES_DEFAULT, 0, Long.MAX_VALUE);
    /** Default of {@link #VERIFICATION_STATISTICS_MAX_AGE}. */
    public static final String STATISTICS_MAX_AGE_DEFAULT = "7d";
    /** Planner statistics older than this, on a table changed since, WARN. */
    public static final Setting<Duration> VERIFICATION_STATISTICS_MAX_AGE = Setting.duration(
            "MLUV_VERIFICATION_STATISTICS_MAX_AGE", STATISTICS_MAX_AGE_DEFAULT, Duration.ZERO, Duration.ofDays(3650));
    /** Default of {@link #VERIFICATION_STATEMENT_TIMEOUT}. */
    public static final String STATEMENT_TIMEOUT_DEFAULT = "30s";
    /** The longest one check's statement may run. */
    public static final Setting<Duration> VERIFICATION_STATEMENT_TIMEOUT = Setting.duration(
            "MLUV_VERIFICATION_STATEMENT_TIMEOUT", STATEMENT_TIMEOUT_DEFAULT, Duration.ZERO, Duration.ofMillis(Integer.MAX_VALUE));
    /** Default of {@link #VERIFICATION_POOL_APPLICATION}. */
    public static final String POOL_APPLICATION_DEFAULT = "mluv";
    /** application_name of Mluv's connection pool. */
    public static final Setting<String> VERIFICATION_POOL_APPLICATION =
            Setting.text("MLUV_VERIFICATION_POOL_APPLICATION", POOL_APPLICATION_DEFAULT);
    /** Default of {@link #VERIFICATION_LONG_QUERY_AFTER}: PgHero's 60 s. */
    public static final String LONG_QUERY_AFTER_DEFAULT = "1m";
    /** A statement running longer is a long-running query. */
    public static final Setting<Duration> VERIFICATION_LONG_QUERY_AFTER = Setting.duration(
            "MLUV_VERIFICATION_LONG_QUERY_AFTER", LONG_QUERY_AFTER_DEFAULT, Duration.ZERO, Duration.ofDays(3650));
    /** Default of {@link #VERIFICATION_IDLE_IN_TRANSACTION_AFTER}. */
    public static final String IDLE_IN_TRANSACTION_AFTER_DEFAULT = "1m";
    /** A session idle in transaction longer than this WARNs. */
    public static final Setting<Duration> VERIFICATION_IDLE_IN_TRANSACTION_AFTER = Setting.duration(
            "MLUV_VERIFICATION_IDLE_IN_TRANSACTION_AFTER", IDLE_IN_TRANSACTION_AFTER_DEFAULT, Duration.ZERO, Duration.ofDays(3650));
    /** Default of {@link #VERIFICATION_CACHE_HIT_MIN_PERCENT}: PgHero's rule. */
    public static final String CACHE_HIT_MIN_PERCENT_DEFAULT = "99";
    /** A cache hit rate below this WARNs, %. */
    public static final Setting<Double> VERIFICATION_CACHE_HIT_MIN_PERCENT =
            Setting.decimal("MLUV_VERIFICATION_CACHE_HIT_MIN_PERCENT", CACHE_HIT_MIN_PERCENT_DEFAULT, 0, Double.MAX_VALUE);
    /** Default of {@link #VERIFICATION_XID_WARN_AGE}: half the wraparound horizon. */
    public static final String XID_WARN_AGE_DEFAULT = "1000000000";
    /** Transaction ID age above which a table or database WARNs. */
    public static final Setting<Long> VERIFICATION_XID_WARN_AGE =
            Setting.longInteger("MLUV_VERIFICATION_XID_WARN_AGE", XID_WARN_AGE_DEFAULT, 0, Long.MAX_VALUE);
    /** Default of {@link #VERIFICATION_DEAD_ROWS_PERCENT}: autovacuum's scale factor. */
    public static final String DEAD_ROWS_PERCENT_DEFAULT = "20";
    /** Dead rows above this share of live rows WARN, %. */
    public static final Setting<Double> VERIFICATION_DEAD_ROWS_PERCENT =
            Setting.decimal("MLUV_VERIFICATION_DEAD_ROWS_PERCENT", DEAD_ROWS_PERCENT_DEFAULT, 0, Double.MAX_VALUE);
    /** Default of {@link #VERIFICATION_DEAD_ROWS_MIN}. */
    public static final String DEAD_ROWS_MIN_DEFAULT = "1000";
    /** ... only from this many dead rows on. */
    public static final Setting<Long> VERIFICATION_DEAD_ROWS_MIN =
            Setting.longInteger("MLUV_VERIFICATION_DEAD_ROWS_MIN", DEAD_ROWS_MIN_DEFAULT, 0, Long.MAX_VALUE);
    /** Default of {@link #VERIFICATION_RELATION_WARN_BYTES}: 10 GiB. */
    public static final String RELATION_WARN_BYTES_DEFAULT = "10737418240";
    /** A table (with TOAST and indexes) larger than this WARNs, bytes. */
    public static final Setting<Long> VERIFICATION_RELATION_WARN_BYTES =
            Setting.longInteger("MLUV_VERIFICATION_RELATION_WARN_BYTES", RELATION_WARN_BYTES_DEFAULT, 0, Long.MAX_VALUE);

    private static final Map<String, Setting<?>> BY_NAME = collect();

    /** @return every declared setting, in declaration order */
    public static List<Setting<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * @param name an environment variable's name
     * @return its declaration, if Mluv has one
     */
    public static Optional<Setting<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Setting<?>> collect() {
        Map<String, Setting<?>> out = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>(List.of(MluvSettings.class.getDeclaredFields()));
        for (Field f : fields) {
            if (f.getType() == Setting.class && Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())) {
                try {
                    Setting<?> s = (Setting<?>) f.get(null);
                    if (out.put(s.name(), s) != null) {
                        throw new IllegalStateException("setting declared twice: " + s.name());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
