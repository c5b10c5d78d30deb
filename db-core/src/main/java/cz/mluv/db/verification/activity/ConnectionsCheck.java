package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code connections}: client connections by state and application, the server's headroom under
 * max_connections, and how many of the Mluv pool's connections are busy.
 */
public final class ConnectionsCheck extends SqlCheck {

    private final int warnPercent;
    private final String poolApplication;
    private final int poolMax;

    /**
     * @param warnPercent     connections in use above this share of max_connections are WARN, %
     * @param poolApplication the application_name of Mluv's pool ({@code mluv})
     * @param poolMax         the pool's maximum size, connections
     */
    public ConnectionsCheck(int warnPercent, String poolApplication, int poolMax) {
        super(CheckId.CONNECTIONS, "Connections by state and pool use", Severity.MAJOR,
                "When connections run out, new requests wait for the pool's timeout and then fail (seed 001: \"Verify "
                        + "connection pool not exhausted\"; pool of 20 + 10).",
                "PASS while client connections of the server, and the active ones among them, stay at or below "
                        + warnPercent + " % of max_connections and the active connections of application '" + poolApplication
                        + "' at or below " + warnPercent + " % of its pool (" + poolMax + "); WARN above.");
        this.warnPercent = warnPercent;
        this.poolApplication = poolApplication;
        this.poolMax = poolMax;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<ConnectionCount> rows = query(connection, ConnectionCount.class);
        long max = rows.isEmpty() ? 1 : rows.getFirst().maxConnections();
        long total = sum(rows, r -> true);
        long active = sum(rows, r -> "active".equals(r.state()));
        long poolActive = sum(rows, r -> "active".equals(r.state()) && poolApplication.equals(r.applicationName()));
        long poolOpen = sum(rows, r -> poolApplication.equals(r.applicationName()));
        String summary = total + " client connection(s) of max_connections " + max + " (" + percent(total, max) + " %), "
                + active + " active; pool '" + poolApplication + "': " + poolOpen + " open, " + poolActive + " active of "
                + poolMax;
        boolean crowded = percent(total, max) > warnPercent || percent(active, max) > warnPercent
                || percent(poolActive, poolMax) > warnPercent;
        return crowded ? Outcome.warn(summary + " (above " + warnPercent + " %)", rows) : Outcome.pass(summary, rows);
    }

    private static long sum(List<ConnectionCount> rows, Predicate<ConnectionCount> which) {
        return rows.stream().filter(which).mapToLong(ConnectionCount::connections).sum();
    }

    /**
     * Client connections of one database, application and state (pg_stat_activity).
     *
     * @param database        the database
     * @param applicationName the client's application_name
     * @param state           active, idle, idle in transaction, ...
     * @param connections     how many, connections
     * @param maxConnections  the server's max_connections
     */
    public record ConnectionCount(String database, String applicationName, String state, long connections,
                                  long maxConnections) implements Detail {
    }

    private static long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(100.0 * part / whole);
    }

    @Override
    public String fix() {
        return "Find who holds them: `SELECT application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC`. End sessions idle in transaction (idle-in-transaction), make the pools smaller (MLUV_DB_POOL_MAX), put PgBouncer in front, or raise max_connections (a restart).";
    }
}
