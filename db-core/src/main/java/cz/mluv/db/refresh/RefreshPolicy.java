package cz.mluv.db.refresh;

import cz.mluv.migrations.settings.MluvSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Limits of one refresh, configuration {@code mluv.refresh.*} (the scheduler maps each to an
 * environment variable; every other Micronaut context gets the defaults).
 *
 * @param statementTimeout how long the REFRESH (and its bookkeeping) may run before PostgreSQL
 *                         cancels it ({@code statement-timeout}, default 10 min)
 * @param lockTimeout      how long the REFRESH may wait for a table lock ({@code lock-timeout},
 *                         default 10 s); the plain form queues readers behind its lock request,
 *                         so this also bounds how long they can be held up
 * @param maxAttempts      tries per refresh, first one included ({@code max-attempts}, default 3);
 *                         only transient errors ({@link TransientErrors}) are retried
 * @param backoff          pause before the second try, doubled before each later one
 *                         ({@code backoff}, default 2 s)
 * @param maxBackoff       longest pause between tries ({@code max-backoff}, default 30 s)
 * @param shutdownTimeout  how long closing the context waits for a refresh in progress before
 *                         cancelling it ({@code shutdown-timeout}, default 30 s)
 * @param workerName       who refreshes, stored in the log ({@code worker-name}, default
 *                         {@code pid@host})
 */
@ConfigurationProperties("mluv.refresh")
public record RefreshPolicy(
        @Bindable(defaultValue = MluvSettings.REFRESH_STATEMENT_TIMEOUT_DEFAULT) Duration statementTimeout,
        @Bindable(defaultValue = MluvSettings.REFRESH_LOCK_TIMEOUT_DEFAULT) Duration lockTimeout,
        @Bindable(defaultValue = MluvSettings.REFRESH_MAX_ATTEMPTS_DEFAULT) int maxAttempts,
        @Bindable(defaultValue = MluvSettings.REFRESH_BACKOFF_DEFAULT) Duration backoff,
        @Bindable(defaultValue = MluvSettings.REFRESH_MAX_BACKOFF_DEFAULT) Duration maxBackoff,
        @Bindable(defaultValue = MluvSettings.REFRESH_SHUTDOWN_TIMEOUT_DEFAULT) Duration shutdownTimeout,
        @Nullable String workerName) {

    /**
     * @throws IllegalArgumentException when a limit is zero or negative
     */
    public RefreshPolicy {
        if (statementTimeout.isNegative() || statementTimeout.isZero() || lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("mluv.refresh.statement-timeout and lock-timeout must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mluv.refresh.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (backoff.isNegative() || maxBackoff.isNegative() || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("mluv.refresh backoff, max-backoff and shutdown-timeout must not be negative");
        }
        if (workerName == null || workerName.isBlank()) {
            workerName = ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** @return the defaults: 10 min statement, 10 s lock, 3 tries from 2 s up to 30 s, 30 s shutdown wait */
    public static RefreshPolicy defaults() {
        return new RefreshPolicy(MluvSettings.REFRESH_STATEMENT_TIMEOUT.defaultValue(), MluvSettings.REFRESH_LOCK_TIMEOUT.defaultValue(),
                MluvSettings.REFRESH_MAX_ATTEMPTS.defaultValue(), MluvSettings.REFRESH_BACKOFF.defaultValue(),
                MluvSettings.REFRESH_MAX_BACKOFF.defaultValue(), MluvSettings.REFRESH_SHUTDOWN_TIMEOUT.defaultValue(), null);
    }

    /**
     * @param failedAttempt the try that just failed, from 1
     * @return the pause before the next try: {@code backoff * 2^(failedAttempt-1)}, at most {@code maxBackoff}
     */
    public Duration pauseAfter(int failedAttempt) {
        Duration pause = backoff.multipliedBy(1L << Math.min(20, Math.max(0, failedAttempt - 1)));
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
