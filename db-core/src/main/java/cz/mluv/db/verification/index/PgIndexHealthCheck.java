package cz.mluv.db.verification.index;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.connection.host.PgHost;
import io.github.mfvanek.pg.connection.host.PgHostImpl;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A check run by pg-index-health (io.github.mfvanek), which already does it well: its
 * {@code *CheckOnHost} runs on the borrowed connection, in the current schema, and this class
 * judges the typed objects it returns. The SQL shown is the library's own query file.
 *
 * @param <T> the library's result type (an index, a foreign key, a group of duplicated indexes)
 */
abstract class PgIndexHealthCheck<T extends DbObject> extends SqlCheck {

    // Only shown as the host of the borrowed connection when its URL cannot be parsed.
    private static final String FALLBACK_URL = "jdbc:postgresql://localhost:5432/postgres";

    private final Function<PgConnection, DatabaseCheckOnHost<T>> library;

    PgIndexHealthCheck(CheckId id, String title, Severity severity, String why, String passRule, Diagnostic diagnostic,
                       Function<PgConnection, DatabaseCheckOnHost<T>> library) {
        super(id, title, severity, why, passRule, diagnostic.getSqlQuery());
        this.library = library;
    }

    @Override
    public final Outcome evaluate(Connection connection) throws SQLException {
        PgConnection pg = PgConnectionImpl.of(new BorrowedConnectionDataSource(connection), host(connection));
        String schema = connection.getSchema();
        PgContext context = PgContext.of(schema == null ? PgContext.DEFAULT_SCHEMA_NAME : schema);
        List<T> found = library.apply(pg).check(context, kept(context));
        return judge(found, schema);
    }

    /**
     * @param context the schema checked
     * @return which of the library's findings count; by default all
     */
    Predicate<? super T> kept(PgContext context) {
        return found -> true;
    }

    /**
     * @param found  what the library found (empty when nothing)
     * @param schema the schema it looked at
     * @return the verdict
     */
    abstract Outcome judge(List<T> found, String schema);

    private static PgHost host(Connection connection) throws SQLException {
        try {
            return PgHostImpl.ofUrl(connection.getMetaData().getURL());
        } catch (RuntimeException e) {
            return PgHostImpl.ofUrl(FALLBACK_URL);
        }
    }
}
