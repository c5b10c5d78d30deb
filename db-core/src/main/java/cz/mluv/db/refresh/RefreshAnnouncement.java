package cz.mluv.db.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a successful refresh tells every listening process (the API instances' caches) that a
 * view has new contents: {@code pg_notify} on channel {@value #CHANNEL} with the view's name and
 * the log id as payload ({@code user_stats_summary:42}), sent from the refresh's own transaction.
 * PostgreSQL delivers a notification only when its transaction commits, so a listener hears it
 * exactly when the new contents and their {@code mv_refresh_log} SUCCESS row become visible, and
 * never for a refresh that rolled back.
 *
 * <p>Listeners must still poll the log now and then: a notification is lost while a listener is
 * disconnected, and refreshes written by migrations (V3, V7) insert their SUCCESS rows without one.
 */
public final class RefreshAnnouncement {

    /** The LISTEN/NOTIFY channel of successful refreshes. */
    public static final String CHANNEL = "mluv_view_refreshed";

    private RefreshAnnouncement() {
    }

    /**
     * Queues the notification in the current transaction of {@code c} (sent at its commit).
     *
     * @param c     the refreshing connection, inside the refresh's transaction
     * @param view  the view refreshed
     * @param logId its {@code mv_refresh_log} row
     * @throws SQLException when the statement fails (the refresh's transaction then rolls back)
     */
    static void announce(Connection c, String view, long logId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, view + ":" + logId);
            ps.execute();
        }
    }

    /**
     * @param payload a notification's payload
     * @return the view it names ({@code user_stats_summary} of {@code user_stats_summary:42})
     */
    public static String viewOf(String payload) {
        int colon = payload == null ? -1 : payload.lastIndexOf(':');
        return colon < 0 ? String.valueOf(payload) : payload.substring(0, colon);
    }
}
