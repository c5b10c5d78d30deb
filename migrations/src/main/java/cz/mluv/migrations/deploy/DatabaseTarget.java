package cz.mluv.migrations.deploy;

import cz.mluv.migrations.deploy.ConnectionOptions.ConnectionSettings;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import cz.mluv.migrations.embedded.RunningPostmaster;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database one command works on: a configured server; else the embedded server already running
 * on the embedded data directory (e.g. under {@code ./mluv run}); else the embedded server started
 * for the command and stopped when it is closed.
 */
final class DatabaseTarget implements AutoCloseable {

    private final DataSource dataSource;
    private final String description;
    private final EmbeddedPostgresServer embedded;

    private DatabaseTarget(DataSource dataSource, String description, EmbeddedPostgresServer embedded) {
        this.dataSource = dataSource;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * Connects (or starts the embedded server) and checks that a connection opens.
     *
     * @param settings            where to connect
     * @param unlimitedStatements {@code true} for DDL (migrate, rollback): {@code statement_timeout = 0}
     * @param err                 where to say that the embedded server is used
     * @return the open target
     * @throws DeployException (usage) when the server cannot be reached or the embedded one not started
     */
    static DatabaseTarget open(ConnectionSettings settings, boolean unlimitedStatements, PrintStream err) {
        DatabaseTarget target = settings.url() == null ? embedded(settings, err) : remote(settings);
        DatabaseTarget ready = new DatabaseTarget(
                new SessionSettingsDataSource(target.dataSource, settings.lockTimeout(), unlimitedStatements),
                target.description, target.embedded);
        try (Connection ignored = ready.dataSource.getConnection()) {
            return ready;
        } catch (SQLException e) {
            ready.close();
            throw DeployException.usage("cannot connect to " + target.description
                    + (settings.user() == null ? "" : " as " + settings.user()) + ": " + Failure.describe(e), e);
        }
    }

    private static DatabaseTarget remote(ConnectionSettings settings) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setUrl(settings.url());
        } catch (IllegalArgumentException e) {
            throw DeployException.usage("invalid --url " + settings.url() + ": " + e.getMessage(), e);
        }
        if (settings.user() != null) {
            ds.setUser(settings.user());
        }
        if (settings.password() != null) {
            ds.setPassword(settings.password());
        }
        ds.setApplicationName("mluv-deploy");
        return new DatabaseTarget(ds, settings.url(), null);
    }

    private static DatabaseTarget embedded(ConnectionSettings settings, PrintStream err) {
        var dir = settings.embeddedDataDirectory().toAbsolutePath();
        err.println("No database URL (--url or " + ConnectionOptions.ENV_URL + "): using the embedded PostgreSQL with its data in " + dir);
        var running = RunningPostmaster.in(dir);
        if (running.isPresent()) {
            return alreadyRunning(running.get(), err);
        }
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.start(dir, true);
        } catch (RuntimeException e) {
            throw DeployException.usage("the embedded PostgreSQL did not start in " + dir + " (is another Mluv process using it? "
                    + "pass --url to use another server): " + Failure.oneLine(String.valueOf(e.getMessage())), e);
        }
        return new DatabaseTarget(server.dataSource("postgres"), server.jdbcUrl("postgres") + " (embedded)", server);
    }

    // Another process (./mluv run, the API) owns the data directory: a second server cannot start on
    // it, so talk to the one that runs. It stays up when this command ends.
    private static DatabaseTarget alreadyRunning(RunningPostmaster server, PrintStream err) {
        String url = server.jdbcUrl("postgres");
        err.println("The embedded PostgreSQL is already running on it (PID " + server.pid() + ", port " + server.port()
                + "): connecting to " + url + " as " + EmbeddedPostgresServer.USER);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(EmbeddedPostgresServer.USER);
        ds.setApplicationName("mluv-deploy");
        return new DatabaseTarget(ds, url + " (embedded, running as PID " + server.pid() + ")", null);
    }

    /** @return the data source; every connection carries the session settings */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return the URL, for messages */
    String description() {
        return description;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
