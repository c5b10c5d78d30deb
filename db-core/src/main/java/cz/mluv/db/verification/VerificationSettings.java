package cz.mluv.db.verification;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.Setting;
import cz.mluv.migrations.settings.SettingsReader;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Thresholds of the verification catalogue. In Micronaut: {@code mluv.verification.*} in
 * application.yml, or the environment variables {@code MLUV_VERIFICATION_*} (Micronaut maps them);
 * without Micronaut (the deploy tool): {@link #fromEnvironment()} reads the same variables.
 * Durations are written {@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d} or ISO-8601.
 * Every name, default and range is declared once, in {@link MluvSettings}.
 *
 * @param viewWarnAfter          a materialized view older than this is WARN
 *                               ({@code MLUV_VERIFICATION_VIEW_WARN_AFTER}, default 2h)
 * @param viewFailAfter          ... and older than this FAIL ({@code MLUV_VERIFICATION_VIEW_FAIL_AFTER}, default 24h)
 * @param largeTableRows         a plan contract fails on a Seq Scan of a table with at least this many
 *                               (estimated) rows, and is only judged when its index's table has them
 *                               ({@code MLUV_VERIFICATION_LARGE_TABLE_ROWS}, default 10000: seed 002's
 *                               "10,000+ rows" production size)
 * @param slowQueryMs            a statement whose mean execution time exceeds this is slow, ms
 *                               ({@code MLUV_VERIFICATION_SLOW_QUERY_MS}, default 100: seed 001's
 *                               "no slow query logs (&gt; 100ms)")
 * @param connectionsWarnPercent connections in use above this share of max_connections are WARN, %
 *                               ({@code MLUV_VERIFICATION_CONNECTIONS_WARN_PERCENT}, default 80)
 * @param indexTableMaxPercent   an index above this share of its table's size is WARN, %
 *                               ({@code MLUV_VERIFICATION_INDEX_TABLE_MAX_PERCENT}, default 20: seed 002)
 * @param ratioMinTableBytes     the ratio rule applies to tables of at least this size, bytes
 *                               ({@code MLUV_VERIFICATION_RATIO_MIN_TABLE_BYTES}, default 1 MiB: on
 *                               smaller tables an index's own minimum pages dominate)
 * @param statisticsMaxAge       planner statistics older than this, on a table changed since, are WARN
 *                               ({@code MLUV_VERIFICATION_STATISTICS_MAX_AGE}, default 7d)
 * @param statementTimeout       the longest one check's statement may run
 *                               ({@code MLUV_VERIFICATION_STATEMENT_TIMEOUT}, default 30s)
 * @param poolApplication        the application_name of Mluv's connection pool
 *                               ({@code MLUV_VERIFICATION_POOL_APPLICATION}, default {@code mluv})
 * @param poolMax                the pool's maximum size, connections ({@code MLUV_DB_POOL_MAX}, default 30
 *                               as in {@link cz.mluv.db.bootstrap.DatabaseSettings})
 * @param longQueryAfter         a statement running longer is a long-running query, WARN
 *                               ({@code MLUV_VERIFICATION_LONG_QUERY_AFTER}, default 1m: PgHero's 60 s)
 * @param idleInTransactionAfter a session idle in transaction longer than this is WARN
 *                               ({@code MLUV_VERIFICATION_IDLE_IN_TRANSACTION_AFTER}, default 1m)
 * @param cacheHitMinPercent     a cache hit rate (tables, indexes) below this is WARN, %
 *                               ({@code MLUV_VERIFICATION_CACHE_HIT_MIN_PERCENT}, default 99: PgHero's rule)
 * @param xidWarnAge             a table or database whose oldest unfrozen transaction ID is older than this
 *                               many transactions is WARN ({@code MLUV_VERIFICATION_XID_WARN_AGE}, default
 *                               1000000000, half of the 2^31 wraparound horizon); FAIL when fewer than
 *                               10,000,000 remain (PgHero's danger line)
 * @param deadRowsPercent        a table whose dead rows exceed this share of its live rows is WARN, %
 *                               ({@code MLUV_VERIFICATION_DEAD_ROWS_PERCENT}, default 20: autovacuum's default
 *                               scale factor)
 * @param deadRowsMin            ... and only when it has at least this many dead rows
 *                               ({@code MLUV_VERIFICATION_DEAD_ROWS_MIN}, default 1000)
 * @param relationWarnBytes      a table (with its TOAST and indexes) larger than this is WARN, bytes
 *                               ({@code MLUV_VERIFICATION_RELATION_WARN_BYTES}, default 10737418240 = 10 GiB)
 */
@ConfigurationProperties("mluv.verification")
public record VerificationSettings(
        @Bindable(defaultValue = MluvSettings.VIEW_WARN_AFTER_DEFAULT) Duration viewWarnAfter,
        @Bindable(defaultValue = MluvSettings.VIEW_FAIL_AFTER_DEFAULT) Duration viewFailAfter,
        @Bindable(defaultValue = MluvSettings.LARGE_TABLE_ROWS_DEFAULT) long largeTableRows,
        @Bindable(defaultValue = MluvSettings.SLOW_QUERY_MS_DEFAULT) double slowQueryMs,
        @Bindable(defaultValue = MluvSettings.CONNECTIONS_WARN_PERCENT_DEFAULT) int connectionsWarnPercent,
        @Bindable(defaultValue = MluvSettings.INDEX_TABLE_MAX_PERCENT_DEFAULT) int indexTableMaxPercent,
        @Bindable(defaultValue = MluvSettings.RATIO_MIN_TABLE_BYTES_DEFAULT) long ratioMinTableBytes,
        @Bindable(defaultValue = MluvSettings.STATISTICS_MAX_AGE_DEFAULT) Duration statisticsMaxAge,
        @Bindable(defaultValue = MluvSettings.STATEMENT_TIMEOUT_DEFAULT) Duration statementTimeout,
        @Bindable(defaultValue = MluvSettings.POOL_APPLICATION_DEFAULT) String poolApplication,
        @Bindable(defaultValue = MluvSettings.DB_POOL_MAX_DEFAULT) int poolMax,
        @Bindable(defaultValue = MluvSettings.LONG_QUERY_AFTER_DEFAULT) Duration longQueryAfter,
        @Bindable(defaultValue = MluvSettings.IDLE_IN_TRANSACTION_AFTER_DEFAULT) Duration idleInTransactionAfter,
        @Bindable(defaultValue = MluvSettings.CACHE_HIT_MIN_PERCENT_DEFAULT) double cacheHitMinPercent,
        @Bindable(defaultValue = MluvSettings.XID_WARN_AGE_DEFAULT) long xidWarnAge,
        @Bindable(defaultValue = MluvSettings.DEAD_ROWS_PERCENT_DEFAULT) double deadRowsPercent,
        @Bindable(defaultValue = MluvSettings.DEAD_ROWS_MIN_DEFAULT) long deadRowsMin,
        @Bindable(defaultValue = MluvSettings.RELATION_WARN_BYTES_DEFAULT) long relationWarnBytes) {

    /** @throws IllegalArgumentException when a threshold is out of range or the view thresholds are reversed */
    public VerificationSettings {
        Objects.requireNonNull(viewWarnAfter, "viewWarnAfter");
        Objects.requireNonNull(viewFailAfter, "viewFailAfter");
        Objects.requireNonNull(statisticsMaxAge, "statisticsMaxAge");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(poolApplication, "poolApplication");
        Objects.requireNonNull(longQueryAfter, "longQueryAfter");
        Objects.requireNonNull(idleInTransactionAfter, "idleInTransactionAfter");
        if (cacheHitMinPercent < 0 || xidWarnAge < 0 || deadRowsPercent < 0 || deadRowsMin < 0 || relationWarnBytes < 0) {
            throw new IllegalArgumentException("cache-hit-min-percent, xid-warn-age, dead-rows-percent, dead-rows-min and "
                    + "relation-warn-bytes must not be negative");
        }
        if (viewFailAfter.compareTo(viewWarnAfter) < 0) {
            throw new IllegalArgumentException("view-fail-after (" + viewFailAfter + ") must not be below view-warn-after (" + viewWarnAfter + ")");
        }
        requireRange("connections-warn-percent", connectionsWarnPercent, 0, 100);
        requireRange("index-table-max-percent", indexTableMaxPercent, 0, 1000);
        requireRange("pool-max", poolMax, 1, 100_000);
        if (largeTableRows < 0 || ratioMinTableBytes < 0 || slowQueryMs < 0) {
            throw new IllegalArgumentException("large-table-rows, ratio-min-table-bytes and slow-query-ms must not be negative");
        }
    }

    /** @return the defaults documented on each component */
    public static VerificationSettings defaults() {
        return from(name -> null);
    }

    /**
     * Reads {@code MLUV_VERIFICATION_*} (and {@code MLUV_DB_POOL_MAX}) from JVM system properties or
     * the environment, a system property winning; unset ones keep their defaults.
     *
     * @return the settings
     * @throws IllegalArgumentException when a value is malformed
     */
    public static VerificationSettings fromEnvironment() {
        return from(SettingsReader.PROCESS);
    }

    /**
     * @param lookup variable name to value, or {@code null} when unset
     * @return the settings (names, defaults and ranges: {@link MluvSettings})
     * @throws IllegalArgumentException naming the variable when a value is malformed or out of range
     */
    public static VerificationSettings from(Function<String, String> lookup) {
        SettingsReader v = new SettingsReader(lookup);
        return new VerificationSettings(
                v.get(MluvSettings.VERIFICATION_VIEW_WARN_AFTER),
                v.get(MluvSettings.VERIFICATION_VIEW_FAIL_AFTER),
                v.get(MluvSettings.VERIFICATION_LARGE_TABLE_ROWS),
                v.get(MluvSettings.VERIFICATION_SLOW_QUERY_MS),
                v.get(MluvSettings.VERIFICATION_CONNECTIONS_WARN_PERCENT),
                v.get(MluvSettings.VERIFICATION_INDEX_TABLE_MAX_PERCENT),
                v.get(MluvSettings.VERIFICATION_RATIO_MIN_TABLE_BYTES),
                v.get(MluvSettings.VERIFICATION_STATISTICS_MAX_AGE),
                v.get(MluvSettings.VERIFICATION_STATEMENT_TIMEOUT),
                v.get(MluvSettings.VERIFICATION_POOL_APPLICATION),
                v.get(MluvSettings.DB_POOL_MAX),
                v.get(MluvSettings.VERIFICATION_LONG_QUERY_AFTER),
                v.get(MluvSettings.VERIFICATION_IDLE_IN_TRANSACTION_AFTER),
                v.get(MluvSettings.VERIFICATION_CACHE_HIT_MIN_PERCENT),
                v.get(MluvSettings.VERIFICATION_XID_WARN_AGE),
                v.get(MluvSettings.VERIFICATION_DEAD_ROWS_PERCENT),
                v.get(MluvSettings.VERIFICATION_DEAD_ROWS_MIN),
                v.get(MluvSettings.VERIFICATION_RELATION_WARN_BYTES));
    }

    /**
     * @param text {@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code PT2H})
     * @return the duration
     * @throws IllegalArgumentException when the text is neither form
     */
    public static Duration parseDuration(String text) {
        return Setting.parseDuration(text);
    }

    /**
     * @param duration a duration
     * @return it in the short form {@link #parseDuration(String)} reads, e.g. {@code 2h}, {@code 24h}, {@code 7d}, {@code 1500ms}
     */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            // Whole days from two on (7d); one day reads better as 24h, as the seeds write it.
            if (ms != 0 && ms % units[i] == 0 && (i > 0 || ms >= 2 * units[0])) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was: " + value);
        }
    }
}
