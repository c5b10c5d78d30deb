package cz.mluv.api.leaderboard;

import cz.mluv.db.leaderboard.RankedUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One ranked user.
 *
 * @param rank              1-based standard competition rank: 1 + the number of users with a
 *                          higher score (ties share a rank: 1, 2, 2, 4)
 * @param position          1-based place in the listing (score descending, then user id): unique
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
public record LeaderboardEntry(long rank, long position, long telegramId, String firstName, long score, int totalStars,
                               int maxStreak, long totalMessages, long messagesLast7Days, @Nullable Instant lastActivity) {

    static LeaderboardEntry of(RankedUser u) {
        return new LeaderboardEntry(u.rank(), u.position(), u.telegramId(), u.firstName(), u.score(), u.totalStars(),
                u.maxStreak(), u.totalMessages(), u.messagesLast7Days(), u.lastActivity());
    }
}
