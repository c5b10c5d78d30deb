package cz.mluv.api.caching;

import cz.mluv.migrations.settings.MluvSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Conditional requests and the cache of view-backed reads, configuration {@code mluv.api.cache.*}
 * (environment variables in application.yml).
 *
 * @param enabled        ETags, {@code Cache-Control}, 304s and cached answers on the view-backed
 *                       reads ({@code MLUV_API_CACHE}, default true); false answers every request
 *                       from the database, without those headers
 * @param maxEntries     most rendered answers kept, entries ({@code MLUV_API_CACHE_MAX_ENTRIES},
 *                       default 10,000; least recently used go first)
 * @param poll           how often the refresh log is read besides the notifications
 *                       ({@code MLUV_API_REFRESH_POLL}, default 10 s): catches refreshes that sent
 *                       none (migrations) and any notification missed
 * @param reconnectDelay pause between two tries to reconnect the listening connection (default 1 s)
 */
@ConfigurationProperties("mluv.api.cache")
public record CacheSettings(
        @Bindable(defaultValue = MluvSettings.API_CACHE_DEFAULT) boolean enabled,
        @Bindable(defaultValue = MluvSettings.API_CACHE_MAX_ENTRIES_DEFAULT) int maxEntries,
        @Bindable(defaultValue = MluvSettings.API_REFRESH_POLL_DEFAULT) Duration poll,
        @Bindable(defaultValue = "1s") Duration reconnectDelay) {

    /** @throws IllegalArgumentException when a value is out of range */
    public CacheSettings {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("mluv.api.cache.max-entries must not be negative, was " + maxEntries);
        }
        if (poll.isNegative() || poll.isZero() || reconnectDelay.isNegative()) {
            throw new IllegalArgumentException("mluv.api.cache.poll must be positive and reconnect-delay not negative");
        }
    }
}
