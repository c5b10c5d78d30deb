package cz.mluv.db.leaderboard;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A user's place in one leaderboard, as of the last refresh of {@code user_stats_summary} (ranks
 * are computed by the refresh, not at read time).
 *
 * <p>Tie rule, everywhere (top lists, rank lookups, pages): standard competition ranking, SQL's
 * {@code rank()}: users with equal scores share a rank and the next rank skips as many places
 * (scores 9, 7, 7, 5 rank 1, 2, 2, 4). Within a tie, users are listed by user id ascending, which
 * is what {@code position} numbers.
 *
 * @param userId            users.id
 * @param telegramId        the user's Telegram id
 * @param firstName         first name
 * @param score             the value of the metric ranked by
 * @param rank              1-based rank: 1 + the number of users with a strictly higher score
 * @param position          1-based place in the listing order (score descending, user id
 *                          ascending): gap-free, unique, 1..{@code rankedUsers}
 * @param rankedUsers       how many users the leaderboard ranks (every user in the view)
 * @param totalStars        stars earned in all
 * @param maxStreak         longest run of consecutive active days
 * @param totalMessages     messages the user wrote
 * @param messagesLast7Days of those, written in the 7 days before the view's last refresh
 * @param lastActivity      time of the user's latest message; {@code null} if none
 */
@Introspected
public record RankedUser(long userId, long telegramId, String firstName, long score, long rank, long position,
                         long rankedUsers, int totalStars, int maxStreak, long totalMessages, long messagesLast7Days,
                         @Nullable Instant lastActivity) {

    /** @return the cursor that continues a page after this user */
    public RankCursor cursor() {
        return new RankCursor(score, telegramId);
    }
}
