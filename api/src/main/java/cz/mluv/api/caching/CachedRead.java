package cz.mluv.api.caching;

import cz.mluv.db.leaderboard.UserStatsSummary;
import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.List;

/**
 * The reads whose answers depend only on the materialized view {@code user_stats_summary} (and,
 * for active users, on the time), so that an answer stays right for as long as the view's
 * generation does: these get {@code ETag}, {@code Cache-Control}, 304 and the cache. Every other
 * read (base tables) is answered from the database each time, one statement, without them.
 */
public enum CachedRead {

    /** {@code GET /api/v1/leaderboard?metric&limit&after}. */
    LEADERBOARD("metric", "limit", "after"),
    /** {@code GET /api/v1/leaderboard/users/{telegramId}?metric&around}. */
    RANK("metric", "around"),
    /**
     * {@code GET /api/v1/users/active?days&limit}: also changes with the time, when its oldest user's
     * latest message leaves the window of {@code days}, so its answer carries that moment.
     */
    ACTIVE_USERS("days", "limit") {
        @Override
        Instant validUntil(HttpRequest<?> request, Object body) {
            if (!(body instanceof List<?> users) || users.isEmpty()
                    || !(users.getLast() instanceof UserStatsSummary oldest) || oldest.lastActivity() == null) {
                return null;
            }
            int days = request.getParameters().getFirst("days", Integer.class, 7);
            return oldest.lastActivity().plusSeconds(days * 86_400L);
        }
    };

    /** The view these reads come from. */
    public static final String VIEW = "user_stats_summary";

    private static final String LEADERBOARD_PATH = "/api/v1/leaderboard";
    private static final String RANK_PREFIX = "/api/v1/leaderboard/users/";
    private static final String ACTIVE_PATH = "/api/v1/users/active";

    private final String[] parameters;

    CachedRead(String... parameters) {
        this.parameters = parameters;
    }

    /**
     * @param path a request path
     * @return the cached read it addresses, or {@code null} for any other path
     */
    public static CachedRead of(String path) {
        if (path.equals(LEADERBOARD_PATH)) {
            return LEADERBOARD;
        }
        if (path.equals(ACTIVE_PATH)) {
            return ACTIVE_USERS;
        }
        if (path.startsWith(RANK_PREFIX) && path.indexOf('/', RANK_PREFIX.length()) < 0 && path.length() > RANK_PREFIX.length()) {
            return RANK;
        }
        return null;
    }

    /**
     * The cache key of a request: its path and the read's own parameters as given, in a fixed
     * order (other parameters are ignored by the read, so by the key too).
     *
     * @param request the request
     * @return e.g. {@code /api/v1/leaderboard?metric=total_stars&limit=10&after=}
     */
    public String key(HttpRequest<?> request) {
        StringBuilder key = new StringBuilder(64).append(request.getPath());
        char separator = '?';
        for (String name : parameters) {
            List<String> values = request.getParameters().getAll(name);
            key.append(separator).append(name).append('=');
            for (int i = 0; i < values.size(); i++) {
                key.append(i == 0 ? "" : "\u0000").append(values.get(i));
            }
            separator = '&';
        }
        return key.toString();
    }

    /**
     * @param request the request answered
     * @param body    its answer
     * @return until when the answer stays right within one generation of the view; {@code null}
     *         for as long as the generation
     */
    Instant validUntil(HttpRequest<?> request, Object body) {
        return null;
    }

    /** @return whether the read's answers depend on the time too ({@link #validUntil}) */
    boolean expires() {
        return this == ACTIVE_USERS;
    }
}
