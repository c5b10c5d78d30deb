package cz.mluv.db.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A hot read of db-core and the index its plan must use: a plan contract.
 *
 * @param id            stable identifier, e.g. {@code user_messages}
 * @param title         what the read serves
 * @param sql           the repository's SQL, exactly as it runs (named parameters)
 * @param expectedIndex the index the plan must use
 * @param parameters    realistic parameter values taken from the database (the busiest user, a
 *                      real message id), so EXPLAIN plans the worst common case
 */
public record HotRead(String id, String title, String sql, String expectedIndex, SampleParameters parameters) {

    /** Picks parameter values from the database the plan is checked on. */
    @FunctionalInterface
    public interface SampleParameters {
        /**
         * @param connection a connection to the database under check
         * @return parameter name to value
         * @throws SQLException when the sample cannot be read
         */
        Map<String, Object> sample(Connection connection) throws SQLException;
    }
}
