package cz.mluv.db.leaderboard;

/**
 * A page was asked after a cursor that does not match the current ranking: its user has another
 * score now (the view was refreshed since the previous page) or is not ranked. The ranking moved
 * under the reader, so continuing would skip or repeat users: start again from the top (no
 * {@code after}). The API answers 409 problem+json naming {@code after}.
 */
public class StaleCursorException extends RuntimeException {

    private final RankCursor cursor;

    /** @param cursor the cursor that matched no user with that score */
    public StaleCursorException(RankCursor cursor) {
        super("after=" + cursor + " does not match the current ranking: user " + cursor.telegramId()
                + " does not have score " + cursor.score() + " any more (the leaderboard was refreshed since that page)"
                + " or is not ranked; start again from the first page, without after");
        this.cursor = cursor;
    }

    /** @return the stale cursor */
    public RankCursor cursor() {
        return cursor;
    }
}
