package cz.mluv.db.leaderboard;

import cz.mluv.db.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The allow-list of leaderboard metrics: each is a column of {@code user_stats_summary} with an
 * index of its own ({@code idx_user_stats_summary_<column>}, metric descending, user_id ascending),
 * and columns {@code <column>_rank} and {@code <column>_position} computed by the refresh, with a
 * unique index on the position. Only these identifiers ever reach SQL.
 */
public enum LeaderboardMetric {
    TOTAL_STARS,
    MAX_STREAK,
    TOTAL_MESSAGES,
    MESSAGES_LAST_7_DAYS;

    /** Longest {@code metric} value accepted, characters. */
    public static final int MAX_LENGTH = 64;

    /** @return the column name (also the API's spelling), e.g. {@code total_stars} */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the name of the index a leaderboard on this metric must use */
    public String indexName() {
        return "idx_user_stats_summary_" + column();
    }

    /**
     * @return the unique index on the metric's position column ({@code <column>_position}, the
     *         listing order computed by the view's refresh), which rank lookups and pages read
     */
    public String positionIndexName() {
        return indexName() + "_position";
    }

    /**
     * @param value the API spelling, e.g. {@code total_stars} (case-insensitive)
     * @return the metric
     * @throws InvalidParameterException naming {@code metric} when the value is not in the list
     *                                   (or is longer than {@link #MAX_LENGTH} or not valid text,
     *                                   {@link InvalidParameterException#requireText})
     */
    public static LeaderboardMetric parse(String value) {
        InvalidParameterException.requireText("metric", value, MAX_LENGTH);
        for (LeaderboardMetric m : values()) {
            if (m.column().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return m;
            }
        }
        throw new InvalidParameterException("metric", "metric must be one of "
                + Arrays.stream(values()).map(LeaderboardMetric::column).toList() + ", was " + value);
    }
}
