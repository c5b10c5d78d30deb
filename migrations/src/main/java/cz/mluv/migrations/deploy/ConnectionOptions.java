package cz.mluv.migrations.deploy;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The connection options every subcommand takes, each with an environment fallback.
 *
 * <p>No URL at all means the embedded PostgreSQL server, so the tool works on a fresh machine.
 * The environment fallbacks and their defaults are declared in {@link MluvSettings}.
 */
final class ConnectionOptions {

    static final String ENV_URL = MluvSettings.DB_URL.name();

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "JDBC URL of the database (env MLUV_DB_URL). None: the embedded PostgreSQL "
                    + "with its data in .mluv/pgdata (env MLUV_EMBEDDED_DATA_DIR), database postgres.")
    String url;

    @Option(names = "--user", description = "Database user (env MLUV_DB_USER).")
    String user;

    @Option(names = "--password", description = "Database password (env MLUV_DB_PASSWORD; prefer the environment).")
    String password;

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "lock_timeout of every session, e.g. 500ms, 5s, 1min; 0 waits forever "
                    + "(env MLUV_LOCK_TIMEOUT; default 5s).")
    String lockTimeout;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /**
     * The settings to connect with: options first, then the environment, then defaults.
     *
     * @param env the process environment
     * @return the resolved settings
     * @throws DeployException (usage) when a value is malformed
     */
    ConnectionSettings resolve(Map<String, String> env) {
        SettingsReader settings = SettingsReader.of(env);
        String resolvedUrl = pick(url, settings.get(MluvSettings.DB_URL));
        if (resolvedUrl != null && !resolvedUrl.startsWith("jdbc:postgresql:")) {
            throw DeployException.usage("--url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), got: " + resolvedUrl);
        }
        Duration timeout;
        try {
            timeout = lockTimeout != null && !lockTimeout.isBlank() ? MluvSettings.LOCK_TIMEOUT.parse(lockTimeout)
                    : settings.get(MluvSettings.LOCK_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw DeployException.usage("--lock-timeout / " + e.getMessage());
        }
        Path dataDir = Path.of(settings.get(MluvSettings.EMBEDDED_DATA_DIR));
        return new ConnectionSettings(resolvedUrl, pick(user, settings.get(MluvSettings.DB_USER)),
                pick(password, settings.find(MluvSettings.DB_PASSWORD).orElse(null)), timeout, dataDir);
    }

    private static String pick(String first, String fallback) {
        return first != null && !first.isBlank() ? first : (fallback != null && !fallback.isBlank() ? fallback : null);
    }

    /**
     * Resolved connection settings.
     *
     * @param url                 JDBC URL, {@code null} for the embedded server
     * @param user                user, may be {@code null} (then the URL or the driver decides)
     * @param password            password, may be {@code null}
     * @param lockTimeout         {@code lock_timeout} of every session; zero means none
     * @param embeddedDataDirectory the embedded server's data directory (used only without a URL)
     */
    record ConnectionSettings(String url, String user, String password, Duration lockTimeout, Path embeddedDataDirectory) {
    }
}
