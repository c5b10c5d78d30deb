package cz.mluv.db.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A successful refresh announces itself on {@link RefreshAnnouncement#CHANNEL} from its own
 * transaction: a listener hears it with the log id of the SUCCESS row, which is then the view's
 * generation; a failed refresh announces nothing and leaves the generation as it was.
 */
class RefreshAnnouncementTest {

    private static final String VIEW = "user_stats_summary";
    private static TestPostgres.Database db;
    private static Connection listener;

    @BeforeAll
    static void start() throws SQLException {
        db = RefreshTestDatabase.create("announce");
        listener = db.connect();
        try (Statement st = listener.createStatement()) {
            st.execute("LISTEN " + RefreshAnnouncement.CHANNEL);
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        listener.close();
    }

    private static List<String> heard() throws SQLException {
        PGNotification[] n = listener.unwrap(PGConnection.class).getNotifications(2_000);
        List<String> out = new ArrayList<>();
        if (n != null) {
            Arrays.stream(n).forEach(x -> out.add(x.getName() + " " + x.getParameter()));
        }
        return out;
    }

    private static RefreshGeneration generation() throws SQLException {
        try (Connection c = db.connect()) {
            return RefreshGeneration.read(c, VIEW).orElseThrow();
        }
    }

    @Test
    void aSuccessfulRefreshIsAnnouncedWithItsLogIdWhichBecomesTheGeneration() throws SQLException {
        heard();
        RefreshGeneration before = generation();
        ViewRefresher.Result result;
        try (Connection c = db.connect()) {
            result = ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.AUTO, "announce-test");
            assertTrue(c.getAutoCommit(), "the connection is left in autocommit");
        }
        assertEquals(List.of(RefreshAnnouncement.CHANNEL + " " + VIEW + ":" + result.logId()), heard());
        assertEquals(VIEW, RefreshAnnouncement.viewOf(VIEW + ":" + result.logId()));
        RefreshGeneration after = generation();
        assertEquals(result.logId(), after.logId());
        assertTrue(after.logId() > before.logId());
        assertTrue(!after.token().equals(before.token()));
    }

    @Test
    void aFailedRefreshAnnouncesNothingAndKeepsTheGeneration() throws Exception {
        heard();
        RefreshGeneration before = generation();
        try (Connection c = db.connect(); AutoCloseable locked = RefreshTestDatabase.lockMessages(db)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = '200ms'");
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> ViewRefresher.refresh(c, VIEW, ViewRefresher.Mode.PLAIN, "announce-fail-test"));
            assertEquals("55P03", e.getSQLState(), "the REFRESH gave up waiting for its lock");
            assertTrue(c.getAutoCommit(), "the connection is left in autocommit after a failure too");
        }
        assertEquals(List.of(), heard());
        assertEquals(before, generation());
        assertEquals("FAILED", RefreshTestDatabase.strings(db,
                "SELECT outcome FROM mv_refresh_log WHERE worker = 'announce-fail-test' ORDER BY id DESC LIMIT 1").getFirst());
    }
}
