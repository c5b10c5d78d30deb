package cz.mluv.scheduler.history;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.db.history.HistoryQueries;
import cz.mluv.db.history.SnapshotSource;
import cz.mluv.db.history.StatisticsHistory;
import cz.mluv.db.history.StatsSnapshot;
import cz.mluv.db.refresh.AdvisoryLock;
import cz.mluv.db.verification.VerificationSettings;
import cz.mluv.scheduler.CronSchedule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled statistics snapshots (pg_stat_statements, block counters, relation sizes) into the
 * history of migration V12, and their retention. On by default ({@code mluv.history.enabled},
 * {@code MLUV_HISTORY_ENABLED}); cron {@code mluv.history.cron} ({@code MLUV_HISTORY_CRON}, default
 * every 15 minutes); retention {@code mluv.history.retention} ({@code MLUV_HISTORY_RETENTION},
 * default 14d, PgHero's two weeks).
 *
 * <p>Single-runner like the refresh: advisory lock {@link AdvisoryLock#STATS_SNAPSHOT}, and skipped
 * when a snapshot was taken within half a tick (by another worker or a deployment record). Meter:
 * timer {@code mluv.history.snapshot.duration} tagged with the outcome.
 */
@Singleton
@Requires(property = "mluv.history.enabled", notEquals = "false")
public class StatsSnapshotJob {

    /** What a run did. */
    public enum Outcome { TAKEN, SKIPPED_LOCKED, SKIPPED_FRESH, FAILED }

    /** Default of {@code mluv.history.cron} ({@code MLUV_HISTORY_CRON}): every 15 minutes. */
    public static final String DEFAULT_CRON = MluvSettings.HISTORY_CRON_DEFAULT;
    /** Default of {@code mluv.history.retention} ({@code MLUV_HISTORY_RETENTION}). */
    public static final String DEFAULT_RETENTION = MluvSettings.HISTORY_RETENTION_DEFAULT;

    private static final Logger LOG = LoggerFactory.getLogger(StatsSnapshotJob.class);

    private final DataSource dataSource;
    private final CronSchedule cron;
    private final Duration retention;
    private final MeterRegistry registry;

    /**
     * @param dataSource the pool
     * @param cron       the snapshot cron expression
     * @param retention  how long snapshots are kept ({@code 14d}, {@code 36h}, ...)
     * @param registry   where the timer goes
     * @throws IllegalArgumentException when the cron or the retention is malformed
     */
    public StatsSnapshotJob(DataSource dataSource, @Value("${mluv.history.cron:" + DEFAULT_CRON + "}") String cron,
                            @Value("${mluv.history.retention:" + DEFAULT_RETENTION + "}") String retention, MeterRegistry registry) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.cron = CronSchedule.of(cron);
        this.retention = VerificationSettings.parseDuration(retention);
        this.registry = registry;
        LOG.info("Statistics snapshots on cron '{}', kept {}", cron, VerificationSettings.format(this.retention));
    }

    /**
     * One run: a snapshot and the retention, unless another worker is taking one or one is fresh.
     *
     * @return what happened (errors are logged, never thrown)
     */
    @Scheduled(cron = "${mluv.history.cron:" + DEFAULT_CRON + "}")
    public Outcome snapshot() {
        long started = System.nanoTime();
        Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            outcome = snapshot(c);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Statistics snapshot failed: {}", e.getMessage());
            outcome = Outcome.FAILED;
        }
        Timer.builder("mluv.history.snapshot.duration").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Scheduled statistics snapshots").register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private Outcome snapshot(Connection c) throws SQLException {
        AdvisoryLock lock = AdvisoryLock.STATS_SNAPSHOT;
        if (!lock.tryLock(c)) {
            LOG.info("Skipped statistics snapshot: another worker holds the lock");
            return Outcome.SKIPPED_LOCKED;
        }
        try {
            List<StatsSnapshot> latest = new HistoryQueries(dataSource).snapshots(1);
            if (!latest.isEmpty() && latest.getFirst().takenAt().isAfter(Instant.now().minus(cron.freshWindow()))) {
                LOG.info("Skipped statistics snapshot: snapshot {} is younger than {} s", latest.getFirst().id(),
                        cron.freshWindow().toSeconds());
                return Outcome.SKIPPED_FRESH;
            }
            StatisticsHistory.take(c, SnapshotSource.SCHEDULE);
            int pruned = new StatisticsHistory(dataSource).prune(retention);
            if (pruned > 0) {
                LOG.info("Pruned {} statistics snapshot(s) older than {}", pruned, VerificationSettings.format(retention));
            }
            return Outcome.TAKEN;
        } finally {
            lock.unlockOrDiscard(c, dataSource);
        }
    }
}
