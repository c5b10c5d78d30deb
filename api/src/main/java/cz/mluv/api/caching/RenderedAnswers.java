package cz.mluv.api.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rendered answers (JSON bytes) of the view-backed reads, per generation of the view and
 * request key, at most {@link CacheSettings#maxEntries()} (least recently used go first), dropped
 * whole when a generation changes; and the meters of their use, on {@code /prometheus}:
 * <ul>
 *   <li>{@code mluv.api.cache.requests} (counter, tags {@code read}, {@code outcome}): requests of a
 *       cached read by outcome: {@code hit} (answered from the cache), {@code miss} (from the
 *       database, then cached), {@code not_modified} (304), {@code bypass} (no generation known:
 *       from the database, not cached)</li>
 *   <li>{@code mluv.api.cache.entries} (gauge): answers held</li>
 *   <li>{@code mluv.api.cache.invalidations} (counter): times the cache was dropped for a new generation</li>
 * </ul>
 */
@Singleton
public class RenderedAnswers {

    /** How a request of a cached read was answered. */
    public enum Outcome { HIT, MISS, NOT_MODIFIED, BYPASS }

    /**
     * One rendered answer.
     *
     * @param body       the JSON bytes
     * @param etag       its entity tag, quoted
     * @param validUntil until when it stays right within its generation; {@code null} = for the whole generation
     */
    public record Answer(byte[] body, String etag, Instant validUntil) {

        /**
         * @param nowMs the time, ms since the epoch
         * @return whether the answer is still right at {@code nowMs}
         */
        public boolean validAt(long nowMs) {
            return validUntil == null || nowMs < validUntil.toEpochMilli();
        }
    }

    private final Cache<String, Answer> cache;
    private final Map<CachedRead, Counter[]> counters = new EnumMap<>(CachedRead.class);
    private final Counter invalidations;

    /**
     * @param settings the cache's size
     * @param registry where the meters go
     */
    public RenderedAnswers(CacheSettings settings, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder().maximumSize(settings.maxEntries()).build();
        for (CachedRead read : CachedRead.values()) {
            Counter[] byOutcome = new Counter[Outcome.values().length];
            for (Outcome o : Outcome.values()) {
                byOutcome[o.ordinal()] = Counter.builder("mluv.api.cache.requests")
                        .tag("read", read.name().toLowerCase(Locale.ROOT)).tag("outcome", o.name().toLowerCase(Locale.ROOT))
                        .description("Requests of view-backed reads by how they were answered").register(registry);
            }
            counters.put(read, byOutcome);
        }
        invalidations = Counter.builder("mluv.api.cache.invalidations")
                .description("Times the cached answers were dropped because a view was refreshed").register(registry);
        Gauge.builder("mluv.api.cache.entries", cache, Cache::estimatedSize)
                .description("Rendered answers held in the cache").register(registry);
    }

    /**
     * @param generation the view's generation token
     * @param key        the request key ({@link CachedRead#key})
     * @return the answer cached for them, or {@code null}
     */
    public Answer get(String generation, String key) {
        return cache.getIfPresent(generation + ' ' + key);
    }

    /**
     * @param generation the view's generation token the answer was read under
     * @param key        the request key
     * @param answer     the rendered answer
     */
    public void put(String generation, String key, Answer answer) {
        cache.put(generation + ' ' + key, answer);
    }

    /**
     * @param generation the generation token
     * @param key        the request key
     */
    public void drop(String generation, String key) {
        cache.invalidate(generation + ' ' + key);
    }

    /** Drops every answer (a view has a new generation). */
    public void dropAll() {
        cache.invalidateAll();
        invalidations.increment();
    }

    /**
     * @param read    the read
     * @param outcome how it was answered
     */
    public void count(CachedRead read, Outcome outcome) {
        counters.get(read)[outcome.ordinal()].increment();
    }
}
