package cz.mluv.migrations;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway configuration of Mluv's versioned migrations ({@code classpath:db/migration}).
 *
 * <p>Every caller that migrates goes through {@link #configure(DataSource)} so that all of them
 * apply the same settings. Services and the deploy tool migrate a real database through
 * {@link cz.mluv.migrations.deploy.SafeMigration} (lock timeout, INVALID index repair, restore of
 * missing indexes); {@link #migrate(DataSource)} is plain Flyway, for test fixtures and benchmark
 * databases that nothing else uses.
 */
public final class Migrations {

    /** Where the versioned SQL migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * Flyway configured for Mluv.
     *
     * <p>{@code postgresql.transactional.lock=false}: Flyway's default transactional advisory lock
     * makes a {@code CREATE INDEX CONCURRENTLY} wait on Flyway's own transaction (it waits for every
     * transaction older than the build), so concurrent index builds could hang or hit
     * {@code lock_timeout}; a session-level lock avoids that (documented Flyway setting).
     *
     * @param dataSource the database to migrate; the user needs DDL rights
     * @return a configuration to extend or {@code load()}
     */
    public static FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .baselineOnMigrate(false)
                .validateMigrationNaming(true);
    }

    /**
     * Applies every pending migration with plain Flyway: no {@code lock_timeout}, no index repair.
     * For fresh test and benchmark databases; a live database goes through
     * {@link cz.mluv.migrations.deploy.SafeMigration}.
     *
     * @param dataSource the database to migrate
     * @return Flyway's result (versions before and after, migrations applied)
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or validation fails
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return configure(dataSource).load().migrate();
    }
}
