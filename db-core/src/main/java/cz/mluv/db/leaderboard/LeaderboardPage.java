package cz.mluv.db.leaderboard;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of a leaderboard.
 *
 * @param entries ranked users in listing order (score descending, user id ascending); empty past
 *                the end
 * @param next    the cursor of the next page (the last entry's), {@code null} when this page ends
 *                the ranking
 */
public record LeaderboardPage(List<RankedUser> entries, @Nullable RankCursor next) {

    static LeaderboardPage of(List<RankedUser> entries) {
        RankedUser last = entries.isEmpty() ? null : entries.getLast();
        return new LeaderboardPage(entries, last == null || last.position() >= last.rankedUsers() ? null : last.cursor());
    }
}
