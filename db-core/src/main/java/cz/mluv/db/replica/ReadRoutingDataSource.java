package cz.mluv.db.replica;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The API's {@code default} data source when read replicas are configured: a connection for a read
 * marked {@link ReplicaRead} comes from an eligible replica ({@link ReplicaSet#pick()}), every other
 * connection (reads marked {@link PrimaryRead}, unmarked code, health checks, the catalogue) from the
 * primary pool. When the chosen replica cannot hand out a connection within
 * {@link ReplicaSet#REPLICA_WAIT_MS} ms the read gets a primary connection; the replica is marked
 * DOWN when it refused to connect, not when its pool was merely busy.
 * Unwraps to the primary pool ({@code HikariDataSource}), so pool metrics and the outage circuit keep
 * watching the primary.
 */
public final class ReadRoutingDataSource implements DataSource, AutoCloseable {

    private final DataSource primary;
    private final ReplicaSet replicas;

    /**
     * @param primary  the primary's pool
     * @param replicas the replicas and their monitor
     */
    public ReadRoutingDataSource(DataSource primary, ReplicaSet replicas) {
        this.primary = primary;
        this.replicas = replicas;
    }

    /** @return the replicas behind this data source */
    public ReplicaSet replicas() {
        return replicas;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ReadRouting.State read = ReadRouting.current();
        if (read != null && read.replicaAllowed) {
            Replica replica = replicas.pick();
            if (replica != null) {
                try {
                    Connection c = replica.getConnection();
                    read.servedBy = replica;
                    return c;
                } catch (SQLTransientConnectionException e) {
                    // HikariCP's wait ran out: with a cause the replica refused connections (down);
                    // without one every pooled connection was busy (saturated), and only this read moves.
                    if (e.getCause() != null) {
                        replica.failed(e);
                    }
                } catch (SQLException e) {
                    replica.failed(e);
                }
            }
            read.servedBy = null;
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return primary.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : primary.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || iface.isInstance(primary) || primary.isWrapperFor(iface);
    }

    /** Closes the replicas (the primary pool belongs to its owner). */
    @Override
    public void close() {
        replicas.close();
    }
}
