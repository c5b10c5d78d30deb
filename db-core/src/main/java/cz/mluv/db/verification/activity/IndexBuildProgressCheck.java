package cz.mluv.db.verification.activity;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@code index-build-progress}: index builds running now, from pg_stat_progress_create_index. */
public final class IndexBuildProgressCheck extends SqlCheck {

    /** A check of the current database. */
    public IndexBuildProgressCheck() {
        super("index-build-progress", "Index build progress", Severity.INFO,
                "A CREATE INDEX CONCURRENTLY or REINDEX still running means the deployment is not finished: its index is "
                        + "INVALID and unused until the build ends (seed 003: \"Check index creation progress\").",
                "Informational: PASS when no index build runs in this database; WARN while one runs, with its phase and "
                        + "progress.");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = query(connection);
        if (rows.isEmpty()) {
            return Outcome.pass("no index build running", rows);
        }
        return Outcome.warn(rows.size() + " index build(s) running: " + String.join(", ", rows.stream()
                .map(r -> Rows.text(r, "command") + " on " + Rows.text(r, "table_name") + " (" + Rows.text(r, "phase") + ")")
                .toList()), rows);
    }
}
