package cz.mluv.db.leaderboard;

import cz.mluv.db.InvalidParameterException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a leaderboard page ends: the score and Telegram id of its last user, written
 * {@code <score>:<telegramId>} (e.g. {@code 4013:200003509}), the API's {@code after} parameter.
 * The next page starts right after that user in the ranking of the current refresh. A cursor
 * whose user no longer has that score (the view was refreshed since) is stale:
 * {@link StaleCursorException}.
 *
 * @param score      the metric value of the user the previous page ended with, {@code >= 0}
 * @param telegramId that user's Telegram id
 */
public record RankCursor(long score, long telegramId) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18}):(\\d{1,18})");

    /**
     * @param value the cursor as written, {@code <score>:<telegramId>}
     * @return the cursor
     * @throws InvalidParameterException naming {@code after} when the value is not of that form
     */
    public static RankCursor parse(String value) {
        Matcher m = FORMAT.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            throw new InvalidParameterException("after",
                    "after must be <score>:<telegramId> of the last entry of the previous page (its nextAfter), was " + value);
        }
        return new RankCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return score + ":" + telegramId;
    }
}
