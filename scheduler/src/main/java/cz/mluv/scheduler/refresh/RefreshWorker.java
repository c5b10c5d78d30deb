package cz.mluv.scheduler.refresh;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.db.refresh.Freshness;
import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.SingleRunnerRefresh;
import cz.mluv.db.refresh.ViewFreshness;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled refresh: at every tick of {@code mluv.refresh.cron} each configured view goes
 * through {@link SingleRunnerRefresh#refreshForTick}, so that however many workers run, one of
 * them refreshes and the others skip and log it. Nothing a tick meets stops the schedule: a
 * failed refresh is logged (and in mv_refresh_log) and the next tick tries again, also after the
 * database was unreachable. Off with {@code mluv.refresh.enabled=false} (the one-shot mode).
 *
 * <p>At start (after {@code mluv.refresh.start-delay}, default 2 s) the worker catches up once
 * when a view was never refreshed or is already stale, instead of waiting for the next tick;
 * {@code mluv.refresh.catch-up-on-start=false} turns that off.
 */
@Singleton
@Requires(property = "mluv.refresh.enabled", notEquals = "false")
public class RefreshWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshWorker.class);
    private static final int REPORTS_KEPT = 200;

    private final SingleRunnerRefresh refresh;
    private final ViewFreshness freshness;
    private final RefreshSchedule schedule;
    private final RefreshMetrics metrics;
    private final boolean catchUpOnStart;
    private final Deque<TickReport> reports = new ArrayDeque<>();

    /**
     * @param refresh        the single-runner refresh
     * @param freshness      reads of the refresh log
     * @param schedule       views and cron
     * @param metrics        meters to update
     * @param catchUpOnStart refresh at start when a view is stale or was never refreshed
     */
    public RefreshWorker(SingleRunnerRefresh refresh, ViewFreshness freshness, RefreshSchedule schedule, RefreshMetrics metrics,
                         @Value("${mluv.refresh.catch-up-on-start:" + MluvSettings.REFRESH_CATCH_UP_DEFAULT + "}") boolean catchUpOnStart) {
        this.refresh = refresh;
        this.freshness = freshness;
        this.schedule = schedule;
        this.metrics = metrics;
        this.catchUpOnStart = catchUpOnStart;
        LOG.info("Refresh worker {}: views {} on cron '{}' (tick every {} ms; a refresh counts for a tick within {} ms; stale after {} ms)",
                refresh.policy().workerName(), schedule.views(), schedule.cron().expression(),
                schedule.cron().interval().toMillis(), schedule.cron().freshWindow().toMillis(),
                schedule.cron().staleAfter().toMillis());
    }

    /** One tick: refresh every view unless another worker does it or did it this tick. */
    @Scheduled(cron = "${mluv.refresh.cron:" + RefreshSchedule.DEFAULT_CRON + "}")
    public void tick() {
        Instant firedAt = Instant.now();
        for (String view : schedule.views()) {
            RefreshOutcome outcome;
            try {
                outcome = refresh.refreshForTick(view, schedule.cron().freshWindow());
            } catch (RuntimeException e) {
                LOG.error("Refresh tick for {} failed unexpectedly", view, e);
                outcome = new RefreshOutcome.Failed(view, 0, null, String.valueOf(e), false);
            }
            remember(new TickReport(firedAt, refresh.policy().workerName(), outcome));
            metrics.record(outcome);
        }
    }

    /** Once at start: refreshes now when a view was never refreshed or is older than two ticks. */
    @Scheduled(initialDelay = "${mluv.refresh.start-delay:2s}")
    public void catchUp() {
        if (!catchUpOnStart) {
            return;
        }
        for (String view : schedule.views()) {
            try {
                Freshness f = freshness.of(view);
                if (f.neverRefreshed() || f.ageMs() > schedule.cron().staleAfter().toMillis()) {
                    LOG.info("{} is {} at start: refreshing now", view, f.neverRefreshed() ? "never refreshed" : "stale");
                    tick();
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read the freshness of {} at start ({}); the next tick refreshes it", view, e.getMessage());
            }
        }
    }

    private void remember(TickReport report) {
        synchronized (reports) {
            reports.addLast(report);
            while (reports.size() > REPORTS_KEPT) {
                reports.removeFirst();
            }
        }
    }

    /** @return this worker's latest tick results (at most 200), oldest first */
    public List<TickReport> recentTicks() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }
}
