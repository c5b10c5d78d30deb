package cz.mluv.scheduler.analyze;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.db.refresh.AdvisoryLock;
import cz.mluv.db.refresh.RefreshPolicy;
import cz.mluv.scheduler.CronSchedule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled ANALYZE of the hot tables, so the planner's statistics follow the data between
 * autovacuum's own runs (the seeds ask for ANALYZE after every deployment and by hand).
 * Off by default: on with {@code mluv.analyze.enabled=true} ({@code MLUV_ANALYZE_ENABLED}), cron
 * {@code mluv.analyze.cron} ({@code MLUV_ANALYZE_CRON}, default 03:30 every day), tables
 * {@code mluv.analyze.tables} ({@code MLUV_ANALYZE_TABLES}, an allow-list of the domain tables).
 *
 * <p>Single-runner like the refresh: advisory lock {@link AdvisoryLock#ANALYZE_HOT_TABLES}, skipped
 * when every table was analyzed within half a tick (pg_stat_user_tables.last_analyze), the
 * refresh's statement timeout. Meter: timer {@code mluv.analyze.duration} tagged with the outcome.
 */
@Singleton
@Requires(property = "mluv.analyze.enabled", value = "true")
public class HotTablesAnalyzer {

    /** Tables that may be analyzed; identifiers come from here, never from configuration text. */
    public static final Set<String> ALLOWED = Set.of("users", "user_settings", "messages", "daily_stats", "saved_words", "user_stars");

    /** What a run did. */
    public enum Outcome { ANALYZED, SKIPPED_LOCKED, SKIPPED_FRESH, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(HotTablesAnalyzer.class);

    private final DataSource dataSource;
    private final RefreshPolicy policy;
    private final List<String> tables;
    private final CronSchedule cron;
    private final MeterRegistry registry;

    /**
     * @param dataSource the pool
     * @param policy     statement timeout and worker name
     * @param tables     tables to analyze, each in {@link #ALLOWED}
     * @param cron       the analyze cron expression
     * @param registry   where the timer goes
     * @throws IllegalArgumentException when a table is not allowed or the cron is malformed
     */
    public HotTablesAnalyzer(DataSource dataSource, RefreshPolicy policy,
                             @Value("${mluv.analyze.tables:" + MluvSettings.ANALYZE_TABLES_DEFAULT + "}") List<String> tables,
                             @Value("${mluv.analyze.cron:" + MluvSettings.ANALYZE_CRON_DEFAULT + "}") String cron, MeterRegistry registry) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.policy = policy;
        this.tables = tables.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        for (String t : this.tables) {
            if (!ALLOWED.contains(t)) {
                throw new IllegalArgumentException("mluv.analyze.tables: " + t + " is not one of " + ALLOWED);
            }
        }
        this.cron = CronSchedule.of(cron);
        this.registry = registry;
        LOG.info("ANALYZE of {} on cron '{}'", this.tables, cron);
    }

    /**
     * One run: ANALYZE every table unless another worker is doing it or did it this tick.
     *
     * @return what happened (errors are logged, never thrown)
     */
    @Scheduled(cron = "${mluv.analyze.cron:0 30 3 * * *}")
    public Outcome analyze() {
        long started = System.nanoTime();
        Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            outcome = analyze(c);
        } catch (SQLException e) {
            LOG.error("ANALYZE of {} failed ({}): {}", tables, e.getSQLState(), e.getMessage());
            outcome = Outcome.FAILED;
        }
        Timer.builder("mluv.analyze.duration").tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .description("Scheduled ANALYZE runs of the hot tables").register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private Outcome analyze(Connection c) throws SQLException {
        AdvisoryLock lock = AdvisoryLock.ANALYZE_HOT_TABLES;
        if (!lock.tryLock(c)) {
            LOG.info("Skipped ANALYZE: another worker holds the lock");
            return Outcome.SKIPPED_LOCKED;
        }
        try {
            if (analyzedWithin(c, cron.freshWindow())) {
                LOG.info("Skipped ANALYZE: every table was analyzed within {} s", cron.freshWindow().toSeconds());
                return Outcome.SKIPPED_FRESH;
            }
            long t0 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = " + policy.statementTimeout().toMillis());
                st.execute("ANALYZE " + String.join(", ", tables));
            }
            LOG.info("ANALYZE of {} done in {} ms (worker {})", tables, (System.nanoTime() - t0) / 1_000_000, policy.workerName());
            return Outcome.ANALYZED;
        } finally {
            lock.unlockOrDiscard(c, dataSource, "statement_timeout");
        }
    }

    private boolean analyzedWithin(Connection c, Duration window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) = ? AND bool_and(last_analyze > now() - make_interval(secs => ?))
                FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ANY (?)""")) {
            Array names = c.createArrayOf("text", tables.toArray());
            ps.setInt(1, tables.size());
            ps.setDouble(2, window.toMillis() / 1000.0);
            ps.setArray(3, names);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
