package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Flyway's own PostgreSQL advisory lock on the schema history table, held by {@code rollback} so
 * that a rollback never runs beside a {@code migrate} (or another rollback) of the same database.
 *
 * <p>The key is Flyway's (flyway-database-postgresql 11, {@code PostgreSQLAdvisoryLockTemplate}):
 * {@code 77431708279161 + "\"schema\".\"table\"".hashCode()}; FlywayLockTest checks it against a
 * running migrate. It is a session lock on its own idle connection, so it does not hold back
 * {@code DROP INDEX CONCURRENTLY} the way a lock inside an open transaction would. Waiting for it
 * obeys the session's {@code lock_timeout}.
 */
final class FlywayLock implements AutoCloseable {

    private static final long FLYWAY_LOCK_MAGIC = 77431708279161L;

    private final Connection connection;
    private final long key;

    private FlywayLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * @param schema the schema of the history table, unquoted
     * @param table  the history table, unquoted
     * @return the key Flyway locks for that table
     */
    static long key(String schema, String table) {
        return FLYWAY_LOCK_MAGIC + ("\"" + schema + "\".\"" + table + "\"").hashCode();
    }

    /**
     * Waits (up to the session's lock_timeout) for Flyway's lock and holds it until {@link #close()}.
     *
     * @throws DeployException (failed) when another migrate or rollback holds it past the lock timeout
     * @throws SQLException    when the database cannot be reached
     */
    static FlywayLock acquire(DataSource dataSource, String schema, String table) throws SQLException {
        Connection c = dataSource.getConnection();
        long key = key(schema, table);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
            return new FlywayLock(c, key);
        } catch (SQLException e) {
            c.close();
            if ("55P03".equals(e.getSQLState())) {
                throw DeployException.failed("another migrate or rollback is running on this database (it holds Flyway's lock on "
                        + schema + "." + table + " past --lock-timeout); nothing was rolled back", e);
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }
}
