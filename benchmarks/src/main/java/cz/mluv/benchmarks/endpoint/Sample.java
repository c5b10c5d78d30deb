package cz.mluv.benchmarks.endpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters the load cycles through, taken from the loaded database: a deterministic
 * sample of users who wrote messages (so every per-user read finds rows) and search words
 * typed without diacritics, as learners type them.
 *
 * @param telegramIds users to ask about, cycled in a scrambled order
 * @param searchTerms words to search for
 * @param today       the UTC day the run treats as today (stats and analytics ranges end here)
 * @param rankProbes  the users listed first, in the middle and last by total stars (the rank
 *                    lookups ask about them; the last one sits in the large tie group at 0 stars)
 */
public record Sample(long[] telegramIds, List<String> searchTerms, LocalDate today, RankProbes rankProbes) {

    /**
     * Users at three places of the total-stars ranking.
     *
     * @param top    the user listed first
     * @param middle the user listed at ranked users / 2
     * @param last   the user listed last
     */
    public record RankProbes(long top, long middle, long last) {
    }

    /** Search words (nouns of the demo corpus, typed without diacritics). */
    public static final List<String> SEARCH_TERMS = List.of(
            "knedliky", "pivo", "hospoda", "babicka", "tramvaj", "svickova", "narozeniny", "pocasi");

    /**
     * @param c     a connection to the loaded database
     * @param users how many users to sample (at most)
     * @return the sample
     * @throws SQLException when the database cannot be read
     */
    public static Sample from(Connection c, int users) throws SQLException {
        List<Long> ids = new ArrayList<>();
        // md5 of the id: a fixed pseudo-random order, so every run asks about the same users.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT telegram_id FROM user_stats_summary WHERE total_messages > 0
                ORDER BY md5(user_id::text) LIMIT ?""")) {
            ps.setInt(1, users);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no user with messages: load the data set first");
        }
        return new Sample(ids.stream().mapToLong(Long::longValue).toArray(), SEARCH_TERMS, LocalDate.now(ZoneOffset.UTC),
                rankProbes(c));
    }

    private static RankProbes rankProbes(Connection c) throws SQLException {
        long[] ids = new long[3];
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT telegram_id FROM user_stats_summary
                WHERE total_stars_position IN (1, greatest(1, ranked_users / 2), ranked_users)
                ORDER BY total_stars_position""");
             ResultSet rs = ps.executeQuery()) {
            for (int i = 0; i < 3 && rs.next(); i++) {
                ids[i] = rs.getLong(1);
            }
        }
        return new RankProbes(ids[0], ids[1] != 0 ? ids[1] : ids[0], ids[2] != 0 ? ids[2] : ids[1]);
    }

    /**
     * @param iteration request number
     * @return the user of that request (a scrambled walk over the sample)
     */
    public long telegramId(long iteration) {
        return telegramIds[(int) Math.floorMod(iteration * 7919L, (long) telegramIds.length)];
    }

    /**
     * @param iteration request number
     * @return the search word of that request
     */
    public String searchTerm(long iteration) {
        return searchTerms.get((int) Math.floorMod(iteration, (long) searchTerms.size()));
    }
}
