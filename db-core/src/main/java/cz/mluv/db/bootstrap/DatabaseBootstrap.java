package cz.mluv.db.bootstrap;

import cz.mluv.db.checklist.SchemaVersions;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.deploy.SafeMigration;
import cz.mluv.migrations.deploy.SafeMigrationException;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import cz.mluv.migrations.embedded.EmbeddedStandby;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the database before a Mluv process starts its Micronaut context.
 *
 * <ul>
 *   <li>No {@code MLUV_DB_URL}: starts the embedded PostgreSQL 18 (data kept in
 *       {@code MLUV_EMBEDDED_DATA_DIR} between runs, fsync on), creates {@code pg_stat_statements},
 *       applies the migrations and, when the database has no user yet, loads the demo data.</li>
 *   <li>With {@code MLUV_DB_URL}: uses that server and loads nothing. It migrates only when
 *       {@code MLUV_MIGRATE_ON_START=true} (default {@code false}: the deploy tool migrates); else,
 *       when the database is behind the latest migration, it logs a WARN naming the pending versions
 *       and {@code ./mluv deploy migrate}, and starts anyway.</li>
 * </ul>
 * Migrating always takes the deploy tool's path ({@link SafeMigration}: INVALID index repair,
 * Flyway under {@code lock_timeout} = {@code MLUV_LOCK_TIMEOUT}, default 5 s, restore of missing
 * expected indexes); a migration that FAILED earlier stops the start with a message naming
 * {@code ./mluv deploy migrate --retry-failed}. Closing it stops the embedded server (if one was
 * started).
 *
 * <p>Read replicas ({@link ReplicaSettings}): with {@code MLUV_REPLICAS=N} the embedded default
 * also runs N hot standbys of its primary ({@link EmbeddedStandby}: base backup, physical
 * replication slot, streaming), started after the migrations and the demo data, stopped before the
 * primary; with {@code MLUV_DB_URL} the replicas are those of {@code MLUV_DB_REPLICA_URLS}.
 * {@link #replicaUrls()} lists them either way.
 */
public final class DatabaseBootstrap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

    private final DatabaseSettings settings;
    private final String jdbcUrl;
    private final EmbeddedPostgresServer embedded;
    private final ReplicaSettings replicas;
    private final List<EmbeddedStandby> standbys = new ArrayList<>();

    private DatabaseBootstrap(DatabaseSettings settings, ReplicaSettings replicas, String jdbcUrl, EmbeddedPostgresServer embedded) {
        this.settings = settings;
        this.replicas = replicas;
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
    }

    /**
     * Resolves, migrates and (embedded only) fills the database, reading settings from the
     * environment.
     *
     * @return the prepared database; close it on shutdown
     * @throws IllegalArgumentException when a setting is malformed
     * @throws IllegalStateException    when the database cannot be reached, migrated or filled
     */
    public static DatabaseBootstrap start() {
        Function<String, String> env = DatabaseSettings.ENVIRONMENT;
        DatabaseSettings settings = DatabaseSettings.from(env);
        return start(settings, ReplicaSettings.from(env), DemoDataSize.from(env), MigrateOnStart.from(env, settings.embedded()));
    }

    /**
     * @param settings   where the database is and how to pool connections
     * @param demo       the demo data to load into an empty embedded database
     * @param migrate    apply pending migrations (always done for the embedded database), with the
     *                   default lock timeout ({@link MigrateOnStart#DEFAULT_LOCK_TIMEOUT})
     * @return the prepared database; close it on shutdown
     * @throws IllegalStateException when the database cannot be reached, migrated or filled
     */
    public static DatabaseBootstrap start(DatabaseSettings settings, DemoDataSize demo, boolean migrate) {
        return start(settings, demo, new MigrateOnStart(migrate, MigrateOnStart.DEFAULT_LOCK_TIMEOUT));
    }

    /**
     * @param settings   where the database is and how to pool connections
     * @param demo       the demo data to load into an empty embedded database
     * @param onStart    whether to migrate (always done for the embedded database) and the lock timeout
     * @return the prepared database; close it on shutdown
     * @throws IllegalStateException when the database cannot be reached, migrated or filled, or holds
     *                               a FAILED migration while migrating is on
     */
    public static DatabaseBootstrap start(DatabaseSettings settings, DemoDataSize demo, MigrateOnStart onStart) {
        return start(settings, ReplicaSettings.none(), demo, onStart);
    }

    /**
     * @param settings   where the database is and how to pool connections
     * @param replicas   the read replicas: embedded standbys to run, or external replica URLs
     * @param demo       the demo data to load into an empty embedded database
     * @param onStart    whether to migrate (always done for the embedded database) and the lock timeout
     * @return the prepared database (and its running standbys); close it on shutdown
     * @throws IllegalStateException when the database cannot be reached, migrated or filled, a
     *                               standby does not start, or a FAILED migration is found while migrating is on
     */
    public static DatabaseBootstrap start(DatabaseSettings settings, ReplicaSettings replicas, DemoDataSize demo,
                                          MigrateOnStart onStart) {
        EmbeddedPostgresServer server = null;
        String url = settings.url();
        if (settings.embedded()) {
            server = EmbeddedPostgresServer.start(settings.embeddedDataDir(), true, settings.embeddedPort());
            url = server.jdbcUrl("postgres");
        }
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(settings, replicas, url, server);
        if (server != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(bootstrap::close, "embedded-postgres-stop"));
        }
        try {
            DataSource ds = bootstrap.unpooledDataSource();
            if (settings.embedded()) {
                exec(ds, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            if (onStart.migrate() || settings.embedded()) {
                migrate(ds, onStart);
            } else {
                warnIfBehind(ds, url);
            }
            if (settings.embedded() && DemoDataGenerator.isEmpty(ds)) {
                LOG.info("Empty embedded database: loading demo data ({} users, {} messages, seed {})",
                        demo.users(), demo.messages(), demo.seed());
                new DemoDataGenerator(ds, LOG::info).load(demo);
                // The loader's bulk statements are not the app's workload: start the slow-query
                // statistics (pg_stat_statements) after them.
                exec(ds, "SELECT pg_stat_statements_reset()");
            }
            if (settings.embedded()) {
                bootstrap.startStandbys();
            }
            return bootstrap;
        } catch (SafeMigrationException e) {
            bootstrap.close();
            throw new IllegalStateException("database bootstrap failed at " + url + ": " + e.getMessage()
                    + " (the deploy tool: `./mluv deploy`)", e);
        } catch (SQLException | RuntimeException e) {
            bootstrap.close();
            throw new IllegalStateException("database bootstrap failed at " + url + ": " + e.getMessage(), e);
        }
    }

    private void startStandbys() {
        for (int i = 1; i <= replicas.embeddedReplicas(); i++) {
            int port = settings.embeddedPort() == 0 ? 0 : settings.embeddedPort() + i;
            synchronized (standbys) {
                standbys.add(EmbeddedStandby.start(embedded, ReplicaSettings.embeddedDataDir(settings.embeddedDataDir(), i),
                        port, ReplicaSettings.embeddedName(i), true));
            }
        }
    }

    // The deploy tool's path: a service starting beside a live workload must not queue it behind DDL.
    private static void migrate(DataSource ds, MigrateOnStart onStart) throws SQLException {
        LOG.info("Migrating on start (lock_timeout {} ms)", onStart.lockTimeout().toMillis());
        SafeMigration.Outcome outcome = SafeMigration.of(ds, onStart.lockTimeout()).progress(LOG::info).migrate();
        LOG.info("Migrations: {} applied, schema version {}", outcome.migrationsApplied(), outcome.schemaVersion());
    }

    private static void warnIfBehind(DataSource ds, String url) {
        try {
            SchemaVersions.Status status = new SchemaVersions(ds).status();
            if (status.upToDate()) {
                LOG.info("Schema version {}, up to date (migrating on start is off for an external database)", status.current());
            } else {
                LOG.warn(behindWarning(status, url));
            }
        } catch (FlywayException e) {
            LOG.warn("Could not read the schema history of {} to check for pending migrations: {}", url, e.getMessage());
        }
    }

    /**
     * @param status where the database stands
     * @param url    the database, for the message
     * @return one line for a WARN log: what is pending or failed, and which command applies it
     */
    static String behindWarning(SchemaVersions.Status status, String url) {
        StringBuilder s = new StringBuilder("Database ").append(url).append(" is at schema version ")
                .append(status.current() == null ? "none" : status.current());
        if (!status.pending().isEmpty()) {
            s.append(", behind the latest migration: pending ").append(String.join(", ", status.pending()))
                    .append(". Apply them with `./mluv deploy migrate` (or the deploy jar's `migrate`)");
        }
        if (!status.failed().isEmpty()) {
            s.append(status.pending().isEmpty() ? ". " : "; ").append("FAILED earlier: ").append(String.join(", ", status.failed()))
                    .append(": retry with `./mluv deploy migrate --retry-failed`");
        }
        return s.append(". This service does not migrate an external database unless ").append(MigrateOnStart.ENV_MIGRATE)
                .append("=true; starting anyway: reads of existing objects work, features that need the pending ones fail until then.")
                .toString();
    }

    /** @return the JDBC URL in use */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * @return JDBC URLs of the read replicas: the embedded standbys started here, else
     *         {@code MLUV_DB_REPLICA_URLS}; empty when there are none
     */
    public List<String> replicaUrls() {
        if (embedded != null) {
            synchronized (standbys) {
                return standbys.stream().map(s -> s.jdbcUrl("postgres")).toList();
            }
        }
        return replicas.replicaUrls();
    }

    /** @return the replica settings in use */
    public ReplicaSettings replicaSettings() {
        return replicas;
    }

    /** @return the embedded standbys started here, in order; empty without them */
    public List<EmbeddedStandby> standbys() {
        synchronized (standbys) {
            return List.copyOf(standbys);
        }
    }

    /** @return {@code true} when the embedded server was started */
    public boolean embedded() {
        return embedded != null;
    }

    /** @return the settings in use */
    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * @return Micronaut properties of the {@code default} datasource, and of the read replicas
     *         ({@link ReplicaSettings#micronautProperties}: {@link #replicaUrls()})
     */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> p = new java.util.LinkedHashMap<>(settings.datasourceProperties(jdbcUrl));
        p.putAll(replicas.micronautProperties(replicaUrls()));
        return p;
    }

    /** @return a data source without pooling, for one-off work outside Micronaut */
    public DataSource unpooledDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(settings.user());
        ds.setPassword(settings.password());
        return ds;
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Stops the embedded standbys and then the embedded server, if any (idempotent). */
    @Override
    public synchronized void close() {
        synchronized (standbys) {
            for (EmbeddedStandby standby : standbys.reversed()) {
                standby.close();
            }
            standbys.clear();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
