package cz.mluv.migrations.deploy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose every connection (Flyway's included) starts with the deploy tool's session
 * settings.
 *
 * <p>{@code lock_timeout}: a DDL statement that waits for a lock queues every later query on that
 * table behind it, so on a live database a migration must give up quickly and be retried rather
 * than stall the application. {@code statement_timeout = 0} (DDL mode): an index build on a large
 * table may legitimately run for minutes, so a server-wide statement timeout must not kill it.
 */
final class SessionSettingsDataSource implements DataSource {

    private final DataSource target;
    private final Duration lockTimeout;
    private final boolean unlimitedStatements;

    SessionSettingsDataSource(DataSource target, Duration lockTimeout, boolean unlimitedStatements) {
        this.target = target;
        this.lockTimeout = lockTimeout;
        this.unlimitedStatements = unlimitedStatements;
    }

    /**
     * @return {@code dataSource} with these settings; when it already is such a data source, its
     *         target with the new settings (one {@code set_config} per connection, not two)
     */
    static SessionSettingsDataSource of(DataSource dataSource, Duration lockTimeout, boolean unlimitedStatements) {
        DataSource base = dataSource instanceof SessionSettingsDataSource s ? s.target : dataSource;
        return new SessionSettingsDataSource(base, lockTimeout, unlimitedStatements);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return apply(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return apply(target.getConnection(username, password));
    }

    private Connection apply(Connection connection) throws SQLException {
        String sql = "SELECT set_config('lock_timeout', ?, false)"
                + (unlimitedStatements ? ", set_config('statement_timeout', '0', false)" : "");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, PgDuration.setting(lockTimeout));
            ps.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
