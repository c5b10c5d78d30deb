package cz.mluv.db.leaderboard;

import cz.mluv.db.InvalidParameterException;
import cz.mluv.db.replica.ReplicaRead;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Leaderboards and active users, read from the materialized view {@code user_stats_summary}
 * (fresh as of its last refresh). One SQL statement per call.
 *
 * <p>Ranks follow one rule everywhere (top list, pages, a user's rank): standard competition
 * ranking, computed by the refresh with {@code rank()}: equal scores share a rank, the next rank
 * skips (1, 2, 2, 4); within a tie, users are listed by user id. A rank lookup or a page costs the
 * same for the first and the last user: it reads the precomputed position index, it counts nothing.
 */
@Singleton
public class Leaderboard {

    /** Largest page a leaderboard or active-user list returns, rows. */
    public static final int MAX_LIMIT = 100;
    /** Widest activity window, days. */
    public static final int MAX_DAYS = 365;
    /** Most neighbours a rank lookup returns on each side, users. */
    public static final int MAX_AROUND = 50;

    private final UserStatsSummaryRepository repository;
    private final RankingRepository ranking;

    /**
     * @param repository reads of the view
     * @param ranking    ranked reads of the view (neighbours, pages)
     */
    public Leaderboard(UserStatsSummaryRepository repository, RankingRepository ranking) {
        this.repository = repository;
        this.ranking = ranking;
    }

    /**
     * @param metric what to rank by (allow-listed)
     * @param limit  rows, 1..{@link #MAX_LIMIT}
     * @return the first {@code limit} users by {@code metric} descending, ties by user id, each with
     *         its rank (ties share it)
     * @throws InvalidParameterException when {@code limit} is out of range
     */
    @ReplicaRead("the view changes only when it is refreshed (hourly): seconds of replica lag change nothing")
    public List<RankedUser> top(LeaderboardMetric metric, int limit) {
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        return switch (metric) {
            case TOTAL_STARS -> repository.topByTotalStars(limit);
            case MAX_STREAK -> repository.topByMaxStreak(limit);
            case TOTAL_MESSAGES -> repository.topByTotalMessages(limit);
            case MESSAGES_LAST_7_DAYS -> repository.topByMessagesLast7Days(limit);
        };
    }

    /**
     * A page of the ranking (keyset pagination on the precomputed position: a bounded index range
     * scan however deep the page). Stable while the view is not refreshed: following
     * {@link LeaderboardPage#next()} lists every ranked user once.
     *
     * @param metric what to rank by (allow-listed)
     * @param after  {@code null} for the first page, else the previous page's
     *               {@link LeaderboardPage#next()}
     * @param limit  rows, 1..{@link #MAX_LIMIT}
     * @return the users listed after the cursor's user (empty past the end) and the next cursor
     * @throws InvalidParameterException when {@code limit} is out of range
     * @throws StaleCursorException      when the cursor's user no longer has the cursor's score (the
     *                                   view was refreshed since) or is not ranked: start again from the top
     */
    @ReplicaRead("the view changes only when it is refreshed (hourly): seconds of replica lag change nothing")
    public LeaderboardPage page(LeaderboardMetric metric, @Nullable RankCursor after, int limit) {
        if (after == null) {
            return LeaderboardPage.of(top(metric, limit));
        }
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        List<RankedUser> rows = switch (metric) {
            case TOTAL_STARS -> ranking.afterTotalStars(after.telegramId(), after.score(), limit);
            case MAX_STREAK -> ranking.afterMaxStreak(after.telegramId(), after.score(), limit);
            case TOTAL_MESSAGES -> ranking.afterTotalMessages(after.telegramId(), after.score(), limit);
            case MESSAGES_LAST_7_DAYS -> ranking.afterMessagesLast7Days(after.telegramId(), after.score(), limit);
        };
        if (rows.isEmpty() || rows.getFirst().telegramId() != after.telegramId()) {
            throw new StaleCursorException(after);
        }
        return LeaderboardPage.of(rows.subList(1, rows.size()));
    }

    /**
     * A user's rank and the users listed around them (one statement; the same cost for the first
     * and the last of a million users).
     *
     * @param metric     what to rank by (allow-listed)
     * @param telegramId the user
     * @param around     neighbours on each side, 0..{@link #MAX_AROUND}
     * @return the user's rank with up to {@code around} users above and below; empty when no
     *         ranked user has that id (unknown, or registered after the view's last refresh)
     * @throws InvalidParameterException when {@code around} is out of range
     */
    @ReplicaRead("the view changes only when it is refreshed (hourly): seconds of replica lag change nothing")
    public Optional<UserRank> rankOf(LeaderboardMetric metric, long telegramId, int around) {
        InvalidParameterException.requireRange("around", around, 0, MAX_AROUND);
        List<RankedUser> rows = switch (metric) {
            case TOTAL_STARS -> ranking.aroundTotalStars(telegramId, around);
            case MAX_STREAK -> ranking.aroundMaxStreak(telegramId, around);
            case TOTAL_MESSAGES -> ranking.aroundTotalMessages(telegramId, around);
            case MESSAGES_LAST_7_DAYS -> ranking.aroundMessagesLast7Days(telegramId, around);
        };
        for (int i = 0; i < rows.size(); i++) {
            RankedUser user = rows.get(i);
            if (user.telegramId() == telegramId) {
                return Optional.of(new UserRank(user, user.rankedUsers(), List.copyOf(rows.subList(0, i)),
                        List.copyOf(rows.subList(i + 1, rows.size()))));
            }
        }
        return Optional.empty();
    }

    /**
     * @param days  activity window, 1..{@link #MAX_DAYS}
     * @param limit rows, 1..{@link #MAX_LIMIT}
     * @return users active within {@code days}, most recent first
     * @throws InvalidParameterException when a value is out of range
     */
    @ReplicaRead("the view changes only when it is refreshed (hourly): seconds of replica lag change nothing")
    public List<UserStatsSummary> activeUsers(int days, int limit) {
        InvalidParameterException.requireRange("days", days, 1, MAX_DAYS);
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        return repository.activeWithinDays(days, limit);
    }
}
