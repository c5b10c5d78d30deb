package cz.mluv.scheduler.refresh;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.db.refresh.ViewRefresher;
import cz.mluv.scheduler.CronSchedule;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What the worker refreshes and when: {@code mluv.refresh.cron} ({@code MLUV_REFRESH_CRON},
 * default hourly {@value #DEFAULT_CRON}) and {@code mluv.refresh.views}
 * ({@code MLUV_REFRESH_VIEWS}, default {@code user_stats_summary}).
 */
@Singleton
public class RefreshSchedule {

    /** Every hour on the hour, as the seeds' {@code crontab(minute=0)}. */
    public static final String DEFAULT_CRON = MluvSettings.REFRESH_CRON_DEFAULT;

    private final CronSchedule cron;
    private final List<String> views;

    /**
     * @param cron  the refresh cron expression
     * @param views the views to refresh each tick, in order
     * @throws IllegalArgumentException when the cron is malformed or a view is not in the allow-list
     */
    public RefreshSchedule(@Value("${mluv.refresh.cron:" + DEFAULT_CRON + "}") String cron,
                           @Value("${mluv.refresh.views:" + MluvSettings.REFRESH_VIEWS_DEFAULT + "}") List<String> views) {
        this.cron = CronSchedule.of(cron);
        this.views = views.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
        for (String view : this.views) {
            if (!ViewRefresher.VIEWS.contains(view)) {
                throw new IllegalArgumentException("mluv.refresh.views: unknown view " + view + ", known: " + ViewRefresher.VIEWS);
            }
        }
    }

    /** @return the cron and its tick interval */
    public CronSchedule cron() {
        return cron;
    }

    /** @return the views refreshed each tick */
    public List<String> views() {
        return views;
    }
}
