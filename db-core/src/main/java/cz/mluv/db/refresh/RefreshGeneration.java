package cz.mluv.db.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The generation of a materialized view: which successful refresh its contents come from, read
 * from {@code mv_refresh_log} (the latest SUCCESS row of the view). Answers read from the view are
 * the same for as long as the generation is, so it is what the API's {@code ETag}s and cache are
 * keyed on.
 *
 * <p>A refresh through {@link ViewRefresher} commits the new contents, its SUCCESS row and its
 * announcement ({@link RefreshAnnouncement}) in one transaction: a reader never sees a
 * generation older than the contents it can read, nor newer.
 *
 * @param view       the view
 * @param logId      id of the SUCCESS row in {@code mv_refresh_log}; 0 when the view was never refreshed
 * @param finishedAt when that refresh finished (database clock); {@code null} when never refreshed
 */
public record RefreshGeneration(String view, long logId, Instant finishedAt) {

    /** SQL of {@link #read}: the latest successful refresh of a view (index idx_mv_refresh_log_view_started). */
    public static final String LATEST_SQL = """
            SELECT id, finished_at FROM mv_refresh_log
            WHERE view_name = ? AND outcome = 'SUCCESS'
            ORDER BY started_at DESC, id DESC LIMIT 1""";

    /**
     * A short token naming the generation, safe inside an HTTP entity tag: the log id and the
     * finish time in microseconds, both base 36 ({@code 2f.lx3k9a0c}). The time makes it unique
     * even when log ids are reused (a rolled-back and re-applied V3 starts the ids again).
     *
     * @return {@code <logId>.<finishedAtMicros>} in base 36; {@code 0.0} when never refreshed
     */
    public String token() {
        long micros = finishedAt == null ? 0 : finishedAt.getEpochSecond() * 1_000_000 + finishedAt.getNano() / 1_000;
        return Long.toString(logId, 36) + "." + Long.toString(micros, 36);
    }

    /**
     * @param c    a connection (one statement, read-only)
     * @param view a name from {@link ViewRefresher#VIEWS}
     * @return the current generation of {@code view}; empty when it was never refreshed successfully
     * @throws IllegalArgumentException when the view is not in the allow-list
     * @throws SQLException             when the log cannot be read
     */
    public static Optional<RefreshGeneration> read(Connection c, String view) throws SQLException {
        ViewRefresher.requireKnown(view);
        try (PreparedStatement ps = c.prepareStatement(LATEST_SQL)) {
            ps.setString(1, view);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp finished = rs.getTimestamp(2);
                return Optional.of(new RefreshGeneration(view, rs.getLong(1), finished == null ? null : finished.toInstant()));
            }
        }
    }
}
