package cz.mluv.api.leaderboard;

import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.UserStatsSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One ranked user.
 *
 * @param rank              1-based position
 * @param telegramId        the user's Telegram id
 * @param firstName         first name
 * @param score             the value of the metric ranked by
 * @param totalStars        stars earned
 * @param maxStreak         longest streak, days
 * @param totalMessages     messages written
 * @param messagesLast7Days messages written in the last 7 days
 * @param lastActivity      latest message time, if any
 */
@Serdeable
public record LeaderboardEntry(int rank, long telegramId, String firstName, long score, int totalStars, int maxStreak,
                               long totalMessages, long messagesLast7Days, @Nullable Instant lastActivity) {

    static LeaderboardEntry of(int rank, LeaderboardMetric metric, UserStatsSummary s) {
        long score = switch (metric) {
            case TOTAL_STARS -> s.totalStars();
            case MAX_STREAK -> s.maxStreak();
            case TOTAL_MESSAGES -> s.totalMessages();
            case MESSAGES_LAST_7_DAYS -> s.messagesLast7Days();
        };
        return new LeaderboardEntry(rank, s.telegramId(), s.firstName(), score, s.totalStars(), s.maxStreak(),
                s.totalMessages(), s.messagesLast7Days(), s.lastActivity());
    }
}
