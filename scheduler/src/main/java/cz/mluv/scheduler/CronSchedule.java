package cz.mluv.scheduler;

import io.micronaut.scheduling.cron.CronExpression;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A cron expression (Micronaut's six fields: second minute hour day-of-month month day-of-week)
 * and the interval between its ticks, from which the scheduler derives how recent a refresh must
 * be to count as this tick's and when a view is stale.
 *
 * @param expression the cron expression, e.g. {@code 0 0 * * * *} (hourly, as the seeds' Celery beat)
 * @param interval   the longest gap between two of its next 64 ticks
 */
public record CronSchedule(String expression, Duration interval) {

    private static final int TICKS_SAMPLED = 64;

    /**
     * @param expression a cron expression
     * @return the schedule with its interval measured from now
     * @throws IllegalArgumentException when the expression is malformed or never fires
     */
    public static CronSchedule of(String expression) {
        CronExpression cron;
        try {
            cron = CronExpression.create(expression);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cron expression (second minute hour day month weekday): " + expression, e);
        }
        ZonedDateTime previous = cron.nextTimeAfter(ZonedDateTime.now());
        Duration longest = Duration.ZERO;
        for (int i = 0; i < TICKS_SAMPLED; i++) {
            ZonedDateTime next = cron.nextTimeAfter(previous);
            Duration gap = Duration.between(previous, next);
            longest = gap.compareTo(longest) > 0 ? gap : longest;
            previous = next;
        }
        if (longest.isZero()) {
            throw new IllegalArgumentException("cron expression has no interval: " + expression);
        }
        return new CronSchedule(expression, longest);
    }

    /**
     * How recent a successful refresh must be to count as the current tick's: half the interval,
     * so workers whose ticks fire a little apart (clock skew, a busy JVM) refresh once between
     * them, while the next tick always refreshes.
     *
     * @return half the interval
     */
    public Duration freshWindow() {
        return interval.dividedBy(2);
    }

    /** @return the age past which a view counts as stale: two intervals (two missed ticks) */
    public Duration staleAfter() {
        return interval.multipliedBy(2);
    }
}
