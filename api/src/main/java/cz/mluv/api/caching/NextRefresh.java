package cz.mluv.api.caching;

import cz.mluv.migrations.settings.MluvSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.cron.CronExpression;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the scheduler refreshes the views next, from the same cron expression it runs on
 * ({@code MLUV_REFRESH_CRON}, default hourly {@code 0 0 * * * *}, in the API's time zone as in the
 * scheduler's): the {@code max-age} of a view-backed answer lasts up to that moment.
 *
 * <p>The next tick is computed once per tick and kept, so a request costs a volatile read and a
 * clock read.
 */
@Singleton
public class NextRefresh {

    private final CronExpression cron;
    private volatile long nextTickMs;

    /**
     * @param cron the scheduler's cron expression (six fields: second minute hour day month weekday)
     * @throws IllegalArgumentException when the expression is malformed
     */
    public NextRefresh(@Value("${mluv.refresh.cron:" + MluvSettings.REFRESH_CRON_DEFAULT + "}") String cron) {
        try {
            this.cron = CronExpression.create(cron);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("MLUV_REFRESH_CRON is not a cron expression (second minute hour day month weekday): " + cron, e);
        }
    }

    /**
     * @param nowMs the time, ms since the epoch
     * @return whole seconds from {@code nowMs} to the next scheduled refresh, at least 0
     */
    public long secondsUntil(long nowMs) {
        long next = nextTickMs;
        if (next <= nowMs) {
            ZonedDateTime now = Instant.ofEpochMilli(nowMs).atZone(ZoneId.systemDefault());
            next = cron.nextTimeAfter(now).toInstant().toEpochMilli();
            nextTickMs = next;
        }
        return Math.max(0, (next - nowMs) / 1000);
    }
}
