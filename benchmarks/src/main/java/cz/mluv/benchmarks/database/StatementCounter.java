package cz.mluv.benchmarks.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the server executed between {@link #reset()} and {@link #count()},
 * from pg_stat_statements (sum of {@code calls} in this database, top-level statements,
 * utility statements such as BEGIN/COMMIT/SET included), leaving out its own queries and the
 * {@code SET application_name} the JDBC driver sends when a benchmark client connects (connection
 * setup, not a request). Pool connection checks (HikariCP's {@code isValid}, a {@code SELECT 1} on
 * a connection idle for over 500 ms) are counted. Divided by the requests sent, it gives
 * statements per request.
 */
public final class StatementCounter {

    private static final String COUNT = """
            SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%pg_stat_statements%'
              AND query NOT ILIKE 'SET application_name%'""";

    private final DataSource dataSource;

    /** @param dataSource the database (a superuser, or a role granted pg_stat_statements_reset) */
    public StatementCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Forgets every statement counted so far. @throws SQLException when the reset fails */
    public void reset() throws SQLException {
        query("SELECT pg_stat_statements_reset()");
    }

    /** @return statements executed since the last reset @throws SQLException when it fails */
    public long count() throws SQLException {
        return query(COUNT);
    }

    /**
     * @param limit how many
     * @return the most called statements since the last reset, as "calls: query" lines
     * @throws SQLException when it fails
     */
    public java.util.List<String> top(int limit) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) FROM pg_stat_statements "
                     + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC LIMIT " + limit)) {
            while (rs.next()) {
                out.add(rs.getLong(1) + ": " + rs.getString(2));
            }
        }
        return out;
    }

    private long query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1) instanceof Number n ? n.longValue() : 0;
        }
    }
}
