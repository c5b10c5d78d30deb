package cz.mluv.db.verification.index;

import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@code index-usage}: scans per index from pg_stat_user_indexes, for the record (always PASS). */
public final class IndexUsageCheck extends SqlCheck {

    /** A check of the current schema. */
    public IndexUsageCheck() {
        super("index-usage", "Index usage", Severity.INFO,
                "Shows which indexes the workload really uses, so that the unused ones can be questioned and the busy "
                        + "ones watched (seeds 001/002/003: monitor pg_stat_user_indexes after a deployment).",
                "Informational: always PASS; lists idx_scan, tuples read and fetched and the size of every index.");
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = query(connection);
        long used = rows.stream().filter(r -> Rows.longValue(r, "scans") > 0).count();
        String since = rows.isEmpty() ? "" : " since " + Rows.text(rows.getFirst(), "counted_since");
        return Outcome.pass(rows.size() + " index(es), " + used + " scanned at least once" + since, rows);
    }
}
