package cz.mluv.migrations.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The connection options every subcommand takes, each with an environment fallback.
 *
 * <p>No URL at all means the embedded PostgreSQL server, so the tool works on a fresh machine.
 */
final class ConnectionOptions {

    static final String ENV_URL = "MLUV_DB_URL";
    static final String ENV_USER = "MLUV_DB_USER";
    static final String ENV_PASSWORD = "MLUV_DB_PASSWORD";
    static final String ENV_LOCK_TIMEOUT = "MLUV_LOCK_TIMEOUT";
    static final String ENV_EMBEDDED_DATA_DIR = "MLUV_EMBEDDED_DATA_DIR";
    static final String DEFAULT_EMBEDDED_DATA_DIR = ".mluv/pgdata";
    static final String DEFAULT_LOCK_TIMEOUT = "5s";

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
        String resolvedUrl = pick(url, env.get(ENV_URL));
        if (resolvedUrl != null && !resolvedUrl.startsWith("jdbc:postgresql:")) {
            throw DeployException.usage("--url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), got: " + resolvedUrl);
        }
        String timeoutText = pick(lockTimeout, pick(env.get(ENV_LOCK_TIMEOUT), DEFAULT_LOCK_TIMEOUT));
        Duration timeout;
        try {
            timeout = PgDuration.parse(timeoutText);
        } catch (IllegalArgumentException e) {
            throw DeployException.usage("--lock-timeout / " + ENV_LOCK_TIMEOUT + ": " + e.getMessage());
        }
        Path dataDir = Path.of(pick(env.get(ENV_EMBEDDED_DATA_DIR), DEFAULT_EMBEDDED_DATA_DIR));
        return new ConnectionSettings(resolvedUrl, pick(user, env.get(ENV_USER)), pick(password, env.get(ENV_PASSWORD)),
                timeout, dataDir);
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
