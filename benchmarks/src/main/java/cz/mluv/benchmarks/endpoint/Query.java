package cz.mluv.benchmarks.endpoint;

import cz.mluv.db.plan.HotRead;
import cz.mluv.db.plan.PlanInspector;
import cz.mluv.db.plan.QueryPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * One SQL statement with named parameters and the values request n gives them.
 *
 * @param sql    SQL with {@code :name} parameters
 * @param params the values of request n
 */
public record Query(String sql, Params params) implements JdbcRead {

    /** Parameter values of one request. */
    @FunctionalInterface
    public interface Params {
        /**
         * @param sample    what to cycle through
         * @param iteration request number
         * @return values by parameter name
         */
        Map<String, Object> of(Sample sample, long iteration);
    }

    @Override
    public void run(JdbcSession session, Sample sample, long iteration) throws SQLException {
        session.rows(sql, params.of(sample, iteration));
    }

    /**
     * EXPLAINs the statement with the parameters of request 0 (db-core's plan inspector).
     *
     * @param connection the database
     * @param id         a name for the plan
     * @param sample     parameters
     * @return the plan: indexes used, sequential scans, text
     * @throws SQLException when EXPLAIN fails
     */
    public QueryPlan explain(Connection connection, String id, Sample sample) throws SQLException {
        return PlanInspector.explain(connection, new HotRead(id, id, sql, "", c -> params.of(sample, 0)));
    }
}
