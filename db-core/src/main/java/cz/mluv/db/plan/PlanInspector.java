package cz.mluv.db.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs EXPLAIN (without ANALYZE: nothing is executed) on a hot read with sample parameters bound
 * exactly as the repository binds them, and reports which indexes the plan uses and which
 * relations it reads with a sequential scan.
 */
public final class PlanInspector {

    private static final Pattern INDEX_NODE = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\S+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");

    private PlanInspector() {
    }

    /**
     * @param connection a connection to the database under check
     * @param read       the hot read
     * @return the plan summary
     * @throws SQLException when the sample or EXPLAIN fails
     */
    public static QueryPlan explain(Connection connection, HotRead read) throws SQLException {
        Map<String, Object> sample = read.parameters().sample(connection);
        NamedSql sql = NamedSql.parse(read.sql());
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN (COSTS true) " + sql.jdbcSql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                String name = sql.parameters().get(i);
                if (!sample.containsKey(name)) {
                    throw new IllegalStateException("plan contract " + read.id() + " has no sample value for :" + name);
                }
                ps.setObject(i + 1, sample.get(name));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        String text = String.join("\n", lines);
        return new QueryPlan(read.id(), matches(INDEX_NODE, text), matches(SEQ_SCAN, text), text);
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
