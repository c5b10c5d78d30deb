package cz.mluv.benchmarks.endpoint;

import java.sql.SQLException;

/** A read done over JDBC: one statement (the repositories' SQL) or several (the naive 1+N). */
@FunctionalInterface
public interface JdbcRead {

    /**
     * @param session   the client's connection
     * @param sample    parameters to cycle through
     * @param iteration request number (picks the user or word)
     * @throws SQLException when a statement fails
     */
    void run(JdbcSession session, Sample sample, long iteration) throws SQLException;
}
