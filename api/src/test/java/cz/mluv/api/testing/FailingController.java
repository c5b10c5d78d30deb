package cz.mluv.api.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.sql.SQLException;

/** Test-only endpoints that fail the ways a read can fail, to check what the caller sees. */
@Requires(property = "mluv.test.failing-controller", value = "true")
@Controller("/test/fail")
public class FailingController {

    /** The SQL the failures carry; it must never reach a caller. */
    public static final String SECRET_SQL = "SELECT secret_column FROM secret_table";

    /** @return never: a syntax error wrapped the way Micronaut Data wraps it */
    @Get("/sql")
    public String sql() {
        throw new DataAccessException("Error executing SQL Query: " + SECRET_SQL,
                new SQLException("ERROR: syntax error at or near \"secret_column\"", "42601"));
    }

    /** @return never: a plain bug */
    @Get("/bug")
    public String bug() {
        throw new IllegalStateException("internal state " + SECRET_SQL);
    }

    /** @return never: an {@link Error}, which no exception handler claims */
    @Get("/error")
    public String error() {
        throw new AssertionError("assertion " + SECRET_SQL);
    }
}
