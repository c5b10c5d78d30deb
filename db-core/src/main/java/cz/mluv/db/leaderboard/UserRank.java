package cz.mluv.db.leaderboard;

import java.util.List;

/**
 * A user's rank in one leaderboard and the users listed around them.
 *
 * @param user        the user asked about
 * @param rankedUsers how many users the leaderboard ranks
 * @param above       up to N users listed right before the user, best first
 * @param below       up to N users listed right after the user, best first
 */
public record UserRank(RankedUser user, long rankedUsers, List<RankedUser> above, List<RankedUser> below) {
}
