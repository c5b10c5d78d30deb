package cz.mluv.db.bootstrap;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import java.time.Duration;
import java.util.function.Function;

/**
 * Whether a Mluv service (API, scheduler, admin console) migrates its database as it starts, and
 * with which lock timeout. Migrating goes through the deploy tool's path
 * ({@link cz.mluv.migrations.deploy.SafeMigration}); the embedded database is always migrated.
 *
 * <p>{@code MLUV_MIGRATE_ON_START}: {@code true} or {@code false}; default {@code true} for the
 * embedded database and {@code false} for an external one ({@code MLUV_DB_URL}), where the deploy
 * tool ({@code ./mluv deploy migrate}) migrates and a service that is behind only warns.
 * {@code MLUV_LOCK_TIMEOUT}: {@code lock_timeout} of the migrating sessions, written as
 * {@code 500ms}, {@code 5s}, {@code 1min} or {@code 0} (wait forever); default 5 s, as the deploy
 * tool's.
 *
 * @param migrate     apply pending migrations at start
 * @param lockTimeout {@code lock_timeout} of every migrating session; zero waits forever
 */
public record MigrateOnStart(boolean migrate, Duration lockTimeout) {

    /** The environment variable that turns migrating at start on or off. */
    public static final String ENV_MIGRATE = MluvSettings.MIGRATE_ON_START.name();
    /** The environment variable of the lock timeout, shared with the deploy tool. */
    public static final String ENV_LOCK_TIMEOUT = MluvSettings.LOCK_TIMEOUT.name();
    /** The lock timeout when none is set: 5 s, as the deploy tool's. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = MluvSettings.LOCK_TIMEOUT.defaultValue();

    /**
     * @throws NullPointerException     when {@code lockTimeout} is null
     * @throws IllegalArgumentException when {@code lockTimeout} is negative
     */
    public MigrateOnStart {
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative, was " + lockTimeout);
        }
    }

    /**
     * @param lookup   resolves a variable name to its value or {@code null}
     *                 (e.g. {@link DatabaseSettings#ENVIRONMENT})
     * @param embedded {@code true} when the embedded database is used ({@link DatabaseSettings#embedded()})
     * @return the settings; {@link #migrate()} is always {@code true} for the embedded database
     * @throws IllegalArgumentException when {@code MLUV_MIGRATE_ON_START} is not {@code true} or
     *                                  {@code false}, or {@code MLUV_LOCK_TIMEOUT} is not a duration
     */
    public static MigrateOnStart from(Function<String, String> lookup, boolean embedded) {
        SettingsReader settings = new SettingsReader(lookup);
        boolean asked = settings.find(MluvSettings.MIGRATE_ON_START).orElse(embedded);
        return new MigrateOnStart(asked || embedded, settings.get(MluvSettings.LOCK_TIMEOUT));
    }
}
