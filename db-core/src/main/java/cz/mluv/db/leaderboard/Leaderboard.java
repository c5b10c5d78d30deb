package cz.mluv.db.leaderboard;

import cz.mluv.db.InvalidParameterException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Leaderboards and active users, read from the materialized view {@code user_stats_summary}
 * (fresh as of its last refresh). One SQL statement per call.
 */
@Singleton
public class Leaderboard {

    /** Largest page a leaderboard or active-user list returns, rows. */
    public static final int MAX_LIMIT = 100;
    /** Widest activity window, days. */
    public static final int MAX_DAYS = 365;

    private final UserStatsSummaryRepository repository;

    /** @param repository reads of the view */
    public Leaderboard(UserStatsSummaryRepository repository) {
        this.repository = repository;
    }

    /**
     * @param metric what to rank by (allow-listed)
     * @param limit  rows, 1..{@link #MAX_LIMIT}
     * @return users ranked by {@code metric} descending, ties by user id
     * @throws InvalidParameterException when {@code limit} is out of range
     */
    public List<UserStatsSummary> top(LeaderboardMetric metric, int limit) {
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        return switch (metric) {
            case TOTAL_STARS -> repository.topByTotalStars(limit);
            case MAX_STREAK -> repository.topByMaxStreak(limit);
            case TOTAL_MESSAGES -> repository.topByTotalMessages(limit);
            case MESSAGES_LAST_7_DAYS -> repository.topByMessagesLast7Days(limit);
        };
    }

    /**
     * @param days  activity window, 1..{@link #MAX_DAYS}
     * @param limit rows, 1..{@link #MAX_LIMIT}
     * @return users active within {@code days}, most recent first
     * @throws InvalidParameterException when a value is out of range
     */
    public List<UserStatsSummary> activeUsers(int days, int limit) {
        InvalidParameterException.requireRange("days", days, 1, MAX_DAYS);
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        return repository.activeWithinDays(days, limit);
    }
}
