package cz.mluv.db.refresh;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a materialized view so that, however many Mluv processes ask at once, exactly one
 * refreshes and the others skip: the scheduler's ticks, the one-shot command and the admin UI's
 * "refresh now" all come through here.
 *
 * <p>One try: take a pooled connection; take the view's {@link AdvisoryLock} with
 * {@code pg_try_advisory_lock} on it (not free: skip, {@link RefreshOutcome.SkipReason#LOCKED_BY_ANOTHER_WORKER});
 * for a scheduled tick, skip when a refresh already succeeded within the tick's freshness window
 * (another worker did this tick); mark RUNNING rows left by dead sessions FAILED; set
 * {@code statement_timeout} and {@code lock_timeout} for the session; refresh with
 * {@link ViewRefresher} (plain when never populated, else CONCURRENTLY) and log it; finally reset
 * the settings and unlock (or evict the connection from the pool when that is impossible).
 * Transient errors ({@link TransientErrors}) are tried again after a pause that doubles each time
 * ({@link RefreshPolicy}); each failed try is logged FAILED, and since REFRESH is transactional
 * the view keeps serving its previous data.
 *
 * <p>Closing the bean (closing the Micronaut context) stops new tries and waits up to
 * {@link RefreshPolicy#shutdownTimeout()} for a refresh in progress; after that it cancels the
 * REFRESH (the view keeps its old data, the log row says FAILED).
 */
@Singleton
public class SingleRunnerRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleRunnerRefresh.class);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final RefreshPolicy policy;
    private final Set<Connection> inFlight = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closing = new CountDownLatch(1);

    /**
     * @param dataSource the pool to refresh through (its role must own the views)
     * @param policy     timeouts, tries and the worker's name
     */
    public SingleRunnerRefresh(DataSource dataSource, RefreshPolicy policy) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.policy = policy;
    }

    /** @return the limits in force */
    public RefreshPolicy policy() {
        return policy;
    }

    /**
     * Refreshes {@code view} now, unless another worker is refreshing it (operators, CI, the admin
     * UI's button).
     *
     * @param view a name from {@link ViewRefresher#VIEWS}
     * @return what happened; never throws for database errors
     * @throws IllegalArgumentException when the view is not in the allow-list
     */
    public RefreshOutcome refreshNow(String view) {
        return refresh(view, null);
    }

    /**
     * The refresh of one scheduled tick: as {@link #refreshNow}, but skipped when a refresh of
     * {@code view} succeeded less than {@code freshWindow} ago (database clock), so that workers
     * whose ticks fire a little apart refresh once per tick between them.
     *
     * @param view        a name from {@link ViewRefresher#VIEWS}
     * @param freshWindow how recent a success counts as this tick's (half the tick interval)
     * @return what happened; never throws for database errors
     * @throws IllegalArgumentException when the view is not in the allow-list
     */
    public RefreshOutcome refreshForTick(String view, Duration freshWindow) {
        return refresh(view, freshWindow);
    }

    private RefreshOutcome refresh(String view, Duration freshWindow) {
        AdvisoryLock lock = AdvisoryLock.refreshOf(view);
        for (int attempt = 1; ; attempt++) {
            if (closing.getCount() == 0) {
                return new RefreshOutcome.Skipped(view, RefreshOutcome.SkipReason.SHUTTING_DOWN);
            }
            try {
                RefreshOutcome outcome = attempt(view, lock, freshWindow, attempt);
                log(outcome);
                return outcome;
            } catch (SQLException e) {
                boolean transientError = TransientErrors.isTransient(e);
                if (!transientError || attempt >= policy.maxAttempts()) {
                    LOG.error("Refresh of {} failed after {} {} ({}): {}", view, attempt, attempt == 1 ? "try" : "tries",
                            e.getSQLState(), ViewRefresher.errorMessage(e));
                    return new RefreshOutcome.Failed(view, attempt, e.getSQLState(), ViewRefresher.errorMessage(e), transientError);
                }
                Duration pause = policy.pauseAfter(attempt);
                LOG.warn("Refresh of {} failed on try {} of {} ({}: {}); trying again in {} ms", view, attempt,
                        policy.maxAttempts(), e.getSQLState(), ViewRefresher.errorMessage(e), pause.toMillis());
                if (pauseOrClose(pause)) {
                    return new RefreshOutcome.Failed(view, attempt, e.getSQLState(), ViewRefresher.errorMessage(e), true);
                }
            }
        }
    }

    private RefreshOutcome attempt(String view, AdvisoryLock lock, Duration freshWindow, int attempt) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!lock.tryLock(c)) {
                return new RefreshOutcome.Skipped(view, RefreshOutcome.SkipReason.LOCKED_BY_ANOTHER_WORKER);
            }
            inFlight.add(c);
            try {
                if (closing.getCount() == 0) {
                    return new RefreshOutcome.Skipped(view, RefreshOutcome.SkipReason.SHUTTING_DOWN);
                }
                if (freshWindow != null && RefreshLog.succeededWithin(c, view, freshWindow)) {
                    return new RefreshOutcome.Skipped(view, RefreshOutcome.SkipReason.ALREADY_FRESH);
                }
                int abandoned = RefreshLog.abandonRunning(c, view, policy.workerName());
                if (abandoned > 0) {
                    LOG.warn("Marked {} refresh(es) of {} FAILED: their sessions ended without an outcome", abandoned, view);
                }
                setLimits(c);
                ViewRefresher.Result r = ViewRefresher.refresh(c, view, ViewRefresher.Mode.AUTO, policy.workerName(),
                        this::connectionToLogAFailure);
                return new RefreshOutcome.Refreshed(view, r.mode(), r.durationMs(), r.rows(), r.logId(), attempt);
            } finally {
                lock.unlockOrDiscard(c, dataSource, "statement_timeout", "lock_timeout");
                inFlight.remove(c);
            }
        }
    }

    /**
     * While closing, no second connection is taken (the pool may wait its whole connection timeout
     * for a database that is going away): the RUNNING row is then marked abandoned by the next
     * refresh under the lock.
     */
    private Connection connectionToLogAFailure() throws SQLException {
        if (closing.getCount() == 0) {
            throw new SQLException("shutting down: the failure is not logged through another connection");
        }
        return dataSource.getConnection();
    }

    private void setLimits(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('statement_timeout', ?, false), set_config('lock_timeout', ?, false)")) {
            ps.setString(1, policy.statementTimeout().toMillis() + "ms");
            ps.setString(2, policy.lockTimeout().toMillis() + "ms");
            ps.execute();
        }
    }

    /** @return {@code true} when the bean started closing during the pause */
    private boolean pauseOrClose(Duration pause) {
        try {
            return closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void log(RefreshOutcome outcome) {
        switch (outcome) {
            case RefreshOutcome.Refreshed r -> LOG.info("Refreshed {} ({}, {} rows, {} ms, try {}, worker {})",
                    r.view(), r.mode(), r.rows(), r.durationMs(), r.attempts(), policy.workerName());
            case RefreshOutcome.Skipped s -> LOG.info("Skipped refresh of {}: {} (worker {})", s.view(), s.reason(),
                    policy.workerName());
            case RefreshOutcome.Failed f -> LOG.error("Refresh of {} failed: {}", f.view(), f.error());
        }
    }

    /**
     * Stops new refreshes and waits up to {@link RefreshPolicy#shutdownTimeout()} for those in
     * progress; then cancels them (the view keeps its old data) and waits a few more seconds for
     * their FAILED rows to be written.
     */
    @PreDestroy
    @Override
    public void close() {
        closing.countDown();
        if (!awaitIdle(policy.shutdownTimeout())) {
            LOG.warn("Refresh still running after {} ms of shutdown: cancelling it", policy.shutdownTimeout().toMillis());
            for (Connection c : inFlight) {
                try {
                    c.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException e) {
                    LOG.warn("Could not cancel the refresh: {}", e.getMessage());
                }
            }
            awaitIdle(CANCEL_GRACE);
        }
    }

    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!inFlight.isEmpty()) {
            LOG.info("Waiting up to {} ms for the refresh in progress", timeout.toMillis());
        }
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inFlight.isEmpty();
            }
        }
        return inFlight.isEmpty();
    }
}
