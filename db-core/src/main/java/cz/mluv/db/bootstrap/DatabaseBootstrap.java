package cz.mluv.db.bootstrap;

import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the database before a Mluv process starts its Micronaut context.
 *
 * <ul>
 *   <li>No {@code MLUV_DB_URL}: starts the embedded PostgreSQL 18 (data kept in
 *       {@code MLUV_EMBEDDED_DATA_DIR} between runs), creates {@code pg_stat_statements}, applies the
 *       migrations and, when the database has no user yet, loads the demo data.</li>
 *   <li>With {@code MLUV_DB_URL}: uses that server, applies the migrations unless
 *       {@code MLUV_MIGRATE_ON_START=false}, and loads nothing.</li>
 * </ul>
 * Closing it stops the embedded server (if one was started).
 */
public final class DatabaseBootstrap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

    private final DatabaseSettings settings;
    private final String jdbcUrl;
    private final EmbeddedPostgresServer embedded;

    private DatabaseBootstrap(DatabaseSettings settings, String jdbcUrl, EmbeddedPostgresServer embedded) {
        this.settings = settings;
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
        return start(DatabaseSettings.from(env), DemoDataSize.from(env), !"false".equalsIgnoreCase(env.apply("MLUV_MIGRATE_ON_START")));
    }

    /**
     * @param settings   where the database is and how to pool connections
     * @param demo       the demo data to load into an empty embedded database
     * @param migrate    apply pending migrations (always done for the embedded database)
     * @return the prepared database; close it on shutdown
     * @throws IllegalStateException when the database cannot be reached, migrated or filled
     */
    public static DatabaseBootstrap start(DatabaseSettings settings, DemoDataSize demo, boolean migrate) {
        EmbeddedPostgresServer server = null;
        String url = settings.url();
        if (settings.embedded()) {
            server = EmbeddedPostgresServer.start(settings.embeddedDataDir(), true, settings.embeddedPort());
            url = server.jdbcUrl("postgres");
            EmbeddedPostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(settings, url, server);
        try {
            DataSource ds = bootstrap.unpooledDataSource();
            if (settings.embedded()) {
                exec(ds, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            if (migrate || settings.embedded()) {
                MigrateResult result = Migrations.migrate(ds);
                LOG.info("Migrations: {} applied, schema version {}", result.migrationsExecuted, result.targetSchemaVersion);
            }
            if (settings.embedded() && DemoDataGenerator.isEmpty(ds)) {
                LOG.info("Empty embedded database: loading demo data ({} users, {} messages, seed {})",
                        demo.users(), demo.messages(), demo.seed());
                new DemoDataGenerator(ds, LOG::info).load(demo);
                // The loader's bulk statements are not the app's workload: start the slow-query
                // statistics (pg_stat_statements) after them.
                exec(ds, "SELECT pg_stat_statements_reset()");
            }
            return bootstrap;
        } catch (SQLException | RuntimeException e) {
            bootstrap.close();
            throw new IllegalStateException("database bootstrap failed at " + url + ": " + e.getMessage(), e);
        }
    }

    /** @return the JDBC URL in use */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return {@code true} when the embedded server was started */
    public boolean embedded() {
        return embedded != null;
    }

    /** @return the settings in use */
    public DatabaseSettings settings() {
        return settings;
    }

    /** @return Micronaut properties of the {@code default} datasource */
    public Map<String, Object> micronautProperties() {
        return settings.datasourceProperties(jdbcUrl);
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

    /** Stops the embedded server, if any. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
