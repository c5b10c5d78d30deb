package cz.mluv.db.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base of a check whose SQL lives in a resource file beside its class
 * ({@code <package path>/<id>.sql}): holds the check's description and runs its query.
 */
public abstract class SqlCheck implements VerificationCheck {

    private final CheckId id;
    private final String title;
    private final Severity severity;
    private final String why;
    private final String passRule;
    private final String sql;

    /**
     * A check whose SQL is the resource {@code <id>.sql} beside the concrete class.
     *
     * @param id       stable id, also the SQL file's name
     * @param title    what is checked
     * @param severity how much a non-PASS result matters
     * @param why      why it matters
     * @param passRule when it passes, warns and fails
     * @throws IllegalStateException when the SQL file is missing
     */
    protected SqlCheck(CheckId id, String title, Severity severity, String why, String passRule) {
        this(id, title, severity, why, passRule, null);
    }

    /**
     * @param id       stable id
     * @param title    what is checked
     * @param severity how much a non-PASS result matters
     * @param why      why it matters
     * @param passRule when it passes, warns and fails
     * @param sql      the SQL it runs; {@code null} to read {@code <id>.sql} beside the concrete class
     * @throws IllegalStateException when the SQL file is missing
     */
    protected SqlCheck(CheckId id, String title, Severity severity, String why, String passRule, String sql) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.why = Objects.requireNonNull(why, "why");
        this.passRule = Objects.requireNonNull(passRule, "passRule");
        this.sql = sql != null ? sql : sqlBeside(getClass(), id.value());
    }

    /**
     * Reads {@code <name>.sql} from the package of {@code owner} on the classpath.
     *
     * @param owner the class the SQL file sits beside
     * @param name  the file name without {@code .sql}
     * @return the file's text, trimmed
     * @throws IllegalStateException when the file is missing
     */
    public static String sqlBeside(Class<?> owner, String name) {
        String file = name + ".sql";
        try (InputStream in = owner.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + file + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " beside " + owner.getName(), e);
        }
    }

    /**
     * Runs this check's SQL.
     *
     * @param connection where to run it
     * @param parameters values in placeholder order
     * @return the rows
     * @throws SQLException when the query fails
     */
    protected List<Map<String, Object>> query(Connection connection, Object... parameters) throws SQLException {
        return Rows.query(connection, sql, parameters);
    }

    /**
     * Runs this check's SQL into typed rows.
     *
     * @param connection where to run it
     * @param type       the record of one row
     * @param parameters values in placeholder order
     * @param <R>        the row type
     * @return the rows
     * @throws SQLException when the query fails
     */
    protected <R extends Record & Detail> List<R> query(Connection connection, Class<R> type, Object... parameters)
            throws SQLException {
        return Rows.query(connection, sql, type, parameters);
    }

    @Override
    public CheckId id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public String why() {
        return why;
    }

    @Override
    public String passRule() {
        return passRule;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String toString() {
        return id.value();
    }
}
