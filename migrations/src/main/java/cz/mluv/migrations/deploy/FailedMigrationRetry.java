package cz.mluv.migrations.deploy;

import cz.mluv.migrations.deploy.SafeMigrationException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Retrying migrations that failed outside a transaction, in one step.
 *
 * <p>PostgreSQL runs DDL in transactions, so a transactional migration that fails leaves nothing
 * behind. A script Flyway runs outside a transaction (it holds {@code CREATE INDEX CONCURRENTLY})
 * can fail half-way, e.g. on {@code lock_timeout}: some statements took effect, the failed build
 * left an INVALID index, and Flyway records a FAILED row and refuses to migrate until the row is
 * gone. Running the script again is safe only when every statement is idempotent, which this class
 * checks before it removes the row: each statement (comments and string contents ignored) must be
 * {@code CREATE ... IF NOT EXISTS}, {@code DROP ... IF EXISTS} or {@code REINDEX ... CONCURRENTLY}.
 *
 * <p>It deletes the FAILED rows only, the rows Flyway's repair would delete; unlike repair it does
 * not realign the checksums of applied migrations, so an applied script edited since still fails
 * Flyway's validation.
 */
final class FailedMigrationRetry {

    private static final Pattern IDEMPOTENT = Pattern.compile(
            "(?is)(CREATE\\s+(?:[A-Z_]+\\s+){1,4}?IF\\s+NOT\\s+EXISTS\\s.*"
                    + "|DROP\\s+(?:[A-Z_]+\\s+){1,3}?IF\\s+EXISTS\\s.*"
                    + "|REINDEX\\s.*\\sCONCURRENTLY\\s.*)");

    private final MigrationScripts scripts;

    FailedMigrationRetry(MigrationScripts scripts) {
        this.scripts = scripts;
    }

    /**
     * @param statement one statement of a script
     * @return whether running it a second time changes nothing the first run did
     */
    static boolean idempotent(String statement) {
        String searchable = SqlScript.mask(statement).searchable().strip().replaceAll("\\s+", " ");
        return IDEMPOTENT.matcher(searchable + " ").matches();
    }

    /**
     * @param script a migration script
     * @return its first statement that is not {@link #idempotent(String)}, empty when all are
     */
    static Optional<String> firstNotIdempotent(String script) {
        return SqlScript.parse(script).statements().stream().filter(s -> !idempotent(s)).findFirst();
    }

    /**
     * Checks every failed migration, then deletes their FAILED rows (all or none).
     *
     * @param dataSource the database; its schema history is {@code table} in the current schema
     * @param table      Flyway's schema history table
     * @param failed     the failed migrations Flyway lists
     * @return one line per failed migration, saying what was checked and removed
     * @throws SafeMigrationException ({@link Reason#NOT_RETRYABLE}) when a failed script is missing or
     *                                holds a statement that is not idempotent; nothing is deleted then
     * @throws SQLException           when the rows cannot be deleted
     */
    List<String> removeFailedRows(DataSource dataSource, String table, List<MigrationInfo> failed) throws SQLException {
        List<String> done = failed.stream().map(this::checkRetryable).toList();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + quote(table) + " WHERE NOT success AND version = ?")) {
            c.setAutoCommit(false);
            for (MigrationInfo m : failed) {
                ps.setString(1, m.getVersion().getVersion());
                ps.executeUpdate();
            }
            c.commit();
        }
        return done;
    }

    private String checkRetryable(MigrationInfo failed) {
        String name = DatabaseCommand.name(failed);
        MigrationScript script = failed.getVersion() == null ? null : scripts.all().stream()
                .filter(s -> s.version().equals(failed.getVersion())).findFirst().orElse(null);
        if (script == null) {
            throw new SafeMigrationException(Reason.NOT_RETRYABLE, "cannot retry " + name
                    + ": its script is not on the classpath; nothing was changed");
        }
        Optional<String> unsafe = firstNotIdempotent(script.text());
        if (unsafe.isPresent()) {
            throw new SafeMigrationException(Reason.NOT_RETRYABLE, "cannot retry " + name + " (" + script.fileName()
                    + "): its statement `" + shortened(unsafe.get()) + "` is not idempotent (retried are only CREATE ... IF NOT EXISTS,"
                    + " DROP ... IF EXISTS and REINDEX ... CONCURRENTLY); nothing was changed. Undo what the failed run did by hand,"
                    + " then `repair` and `migrate`");
        }
        int statements = SqlScript.parse(script.text()).statements().size();
        return name + " (" + script.fileName() + ") FAILED earlier; its " + statements
                + " statement(s) are idempotent: removed its FAILED row from the schema history to run it again";
    }

    private static String shortened(String statement) {
        String line = SqlScript.mask(statement).readable().strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
