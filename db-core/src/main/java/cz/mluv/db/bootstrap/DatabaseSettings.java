package cz.mluv.db.bootstrap;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Deploy-time database settings, read from environment variables (or JVM system properties of
 * the same name) with defaults that run on the embedded database.
 *
 * <p>Pool defaults follow the seeds (001, "Connection Pool Optimization"): 20 connections plus
 * 10 burst, so at most 30; a 30 s connection timeout; PostgreSQL JIT off for every connection
 * (short OLTP reads pay JIT compilation and never gain from it).
 *
 * @param url               JDBC URL of an external server ({@code MLUV_DB_URL}); {@code null} = embedded
 * @param user              database user ({@code MLUV_DB_USER}; embedded default {@code postgres};
 *                          {@code null} with an external URL = the URL's user)
 * @param password          database password ({@code MLUV_DB_PASSWORD})
 * @param poolMax           maximum pool size, connections ({@code MLUV_DB_POOL_MAX}, default 30)
 * @param poolMinIdle       idle connections kept ({@code MLUV_DB_POOL_MIN_IDLE}, default 20)
 * @param connectionTimeoutMs how long a caller waits for a pooled connection, ms
 *                          ({@code MLUV_DB_CONNECTION_TIMEOUT_MS}, default 30000)
 * @param jit               {@code off} or {@code on} ({@code MLUV_DB_JIT}, default off)
 * @param embeddedDataDir   data directory of the embedded server ({@code MLUV_EMBEDDED_DATA_DIR},
 *                          default {@code .mluv/pgdata})
 * @param embeddedPort      TCP port of the embedded server ({@code MLUV_EMBEDDED_PORT}, default 54329;
 *                          0 = any free port)
 * @param apiDbWaitMs       how long an API request waits for a pooled connection before it is
 *                          answered 503, ms ({@code MLUV_API_DB_WAIT_MS}, default 1500); the API
 *                          only, see {@link #apiConnectionWaitProperties()}
 */
public record DatabaseSettings(String url, String user, String password, int poolMax, int poolMinIdle,
                               long connectionTimeoutMs, String jit, Path embeddedDataDir, int embeddedPort,
                               long apiDbWaitMs) {

    /**
     * Reads the settings from the process environment and system properties (a system property
     * wins over the environment variable of the same name).
     *
     * @return the settings
     * @throws IllegalArgumentException when a number is malformed or out of range
     */
    public static DatabaseSettings fromEnvironment() {
        return from(ENVIRONMENT);
    }

    /** Looks a setting up: the JVM system property of that name, else the environment variable. */
    public static final Function<String, String> ENVIRONMENT = SettingsReader.PROCESS;

    /**
     * @param lookup resolves a variable name to its value or {@code null}
     * @return the settings (names, defaults and ranges: {@link MluvSettings})
     * @throws IllegalArgumentException when a number is malformed or out of range
     */
    public static DatabaseSettings from(Function<String, String> lookup) {
        SettingsReader settings = new SettingsReader(lookup);
        String url = settings.get(MluvSettings.DB_URL);
        int poolMax = settings.get(MluvSettings.DB_POOL_MAX);
        return new DatabaseSettings(url,
                settings.find(MluvSettings.DB_USER).orElse(url == null ? "postgres" : null),
                settings.get(MluvSettings.DB_PASSWORD),
                poolMax, Math.min(settings.get(MluvSettings.DB_POOL_MIN_IDLE), poolMax),
                settings.get(MluvSettings.DB_CONNECTION_TIMEOUT_MS),
                settings.get(MluvSettings.DB_JIT),
                Path.of(settings.get(MluvSettings.EMBEDDED_DATA_DIR)),
                settings.get(MluvSettings.EMBEDDED_PORT),
                settings.get(MluvSettings.API_DB_WAIT_MS));
    }

    /** @return {@code true} when no external URL is configured and the embedded server is used */
    public boolean embedded() {
        return url == null;
    }

    /**
     * Micronaut properties of the {@code default} datasource (HikariCP) for a resolved URL.
     *
     * @param jdbcUrl the URL to connect to
     * @return property name to value, ready for {@code ApplicationContextBuilder.properties}
     */
    public Map<String, Object> datasourceProperties(String jdbcUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources.default.url", jdbcUrl);
        if (user != null) {
            // No MLUV_DB_USER with an external URL: the URL's own user (or the driver's default).
            p.put("datasources.default.username", user);
        }
        p.put("datasources.default.password", password == null ? "" : password);
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("datasources.default.maximum-pool-size", poolMax);
        p.put("datasources.default.minimum-idle", poolMinIdle);
        p.put("datasources.default.connection-timeout", connectionTimeoutMs);
        p.put("datasources.default.pool-name", "mluv");
        p.put("datasources.default.data-source-properties.options", "-c jit=" + jit);
        p.put("datasources.default.data-source-properties.ApplicationName", "mluv");
        return p;
    }

    /**
     * The API's fail-fast overrides of {@link #datasourceProperties}: a request that cannot get a
     * connection within {@link #apiDbWaitMs} ms fails (and is answered 503) instead of queueing for
     * the seeds' 30 s, which stays the setting of the other processes. pgjdbc's own connect and
     * login timeouts (whole seconds, rounded up) keep a dead host from holding the pool's
     * connection builder for pgjdbc's default 10 s, and Hikari's liveness check of an idle
     * connection is bounded below the wait.
     *
     * @return property name to value; put them over {@link #datasourceProperties}
     */
    public Map<String, Object> apiConnectionWaitProperties() {
        long seconds = Math.max(1, (apiDbWaitMs + 999) / 1000);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources.default.connection-timeout", apiDbWaitMs);
        p.put("datasources.default.validation-timeout", Math.max(250, apiDbWaitMs / 2));
        p.put("datasources.default.data-source-properties.connectTimeout", seconds);
        p.put("datasources.default.data-source-properties.loginTimeout", seconds);
        return p;
    }
}
