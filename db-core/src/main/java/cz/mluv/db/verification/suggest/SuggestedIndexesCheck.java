package cz.mluv.db.verification.suggest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.Detail;
import cz.mluv.db.verification.Outcome;
import cz.mluv.db.verification.Rows;
import cz.mluv.db.verification.Severity;
import cz.mluv.db.verification.SqlCheck;
import cz.mluv.db.verification.activity.SlowQueriesCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code suggested-indexes} (PgHero's suggested indexes): for the SELECTs of pg_stat_statements that
 * took the most time, parses WHERE and ORDER BY ({@link StatementShape}, JSqlParser) and, on a large
 * table no index serves, suggests one: equality columns first, most selective first (pg_stats
 * distinct values), then one range column, then the ORDER BY columns. Each suggestion carries the
 * {@code CREATE INDEX CONCURRENTLY} statement to put in a migration; nothing is ever executed.
 */
public final class SuggestedIndexesCheck extends SqlCheck {

    private static final String TABLE_SQL = sqlBeside(SuggestedIndexesCheck.class, "table-columns");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NAME = 63;

    private final long largeTableRows;

    /** @param largeTableRows a table with fewer estimated rows gets no suggestion (a Seq Scan is fine there) */
    public SuggestedIndexesCheck(long largeTableRows) {
        super(CheckId.SUGGESTED_INDEXES, "Suggested indexes", Severity.MINOR,
                "A frequent statement that filters a large table on columns no index leads with reads the whole table "
                        + "each time; PgHero suggests an index from the statement's WHERE and ORDER BY and the columns' "
                        + "selectivity. A suggestion is a starting point: check it with EXPLAIN, then add it in a migration "
                        + "(CONCURRENTLY, as the statement shown); the console never runs it.",
                "PASS when no SELECT among the 50 that took the most time (pg_stat_statements) filters a table of "
                        + largeTableRows + "+ estimated rows on columns that no valid index leads with; WARN listing each "
                        + "suggestion with its CREATE INDEX CONCURRENTLY statement; SKIPPED without pg_stat_statements. "
                        + "Statements with joins, OR or sub-selects are not analysed.");
        this.largeTableRows = largeTableRows;
    }

    @Override
    public Outcome evaluate(Connection connection) throws SQLException {
        if (!SlowQueriesCheck.installed(connection)) {
            return Outcome.skipped("pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements)");
        }
        List<Map<String, Object>> statements;
        try {
            statements = query(connection);
        } catch (SQLException e) {
            if (SlowQueriesCheck.notLoaded(e)) {
                return Outcome.skipped("pg_stat_statements is installed but not in shared_preload_libraries");
            }
            throw e;
        }
        Map<String, SuggestedIndex> suggestions = new LinkedHashMap<>();
        Map<String, Optional<TableFacts>> tables = new LinkedHashMap<>();
        for (Map<String, Object> s : statements) {
            Optional<StatementShape> shape = StatementShape.of(Rows.text(s, "query"));
            if (shape.isEmpty()) {
                continue;
            }
            StatementShape st = shape.get();
            Optional<TableFacts> facts = tables.computeIfAbsent(st.table(), t -> facts(connection, t));
            if (facts.isEmpty() || facts.get().rows() < largeTableRows) {
                continue;
            }
            List<String> columns = columns(st, facts.get());
            if (columns.isEmpty() || facts.get().served(columns.getFirst())) {
                continue;
            }
            String key = st.table() + columns;
            suggestions.putIfAbsent(key, new SuggestedIndex(st.table(), columns, statement(st.table(), columns),
                    Rows.text(s, "query"), Rows.longValue(s, "calls"), Math.round(Rows.doubleValue(s, "mean_ms") * 100) / 100.0,
                    facts.get().rows()));
        }
        List<SuggestedIndex> rows = List.copyOf(suggestions.values());
        if (rows.isEmpty()) {
            return Outcome.pass("no suggestion: the top statements filter on indexed columns or small tables", rows);
        }
        return Outcome.warn(rows.size() + " suggested index(es): "
                + String.join("; ", rows.stream().map(SuggestedIndex::createStatement).toList()), rows);
    }

    private static List<String> columns(StatementShape st, TableFacts facts) {
        List<String> equality = new ArrayList<>(st.equality().stream().filter(facts.distinct()::containsKey).toList());
        equality.sort(Comparator.comparingDouble((String c) -> facts.distinct().get(c)).reversed());
        Set<String> columns = new LinkedHashSet<>(equality);
        st.range().stream().filter(facts.distinct()::containsKey).findFirst().ifPresent(columns::add);
        if (st.range().isEmpty()) {
            st.orderBy().stream().filter(facts.distinct()::containsKey).forEach(columns::add);
        }
        return List.copyOf(columns);
    }

    private static String statement(String table, List<String> columns) {
        String name = "idx_" + table + "_" + String.join("_", columns);
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return "CREATE INDEX CONCURRENTLY " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
    }

    private Optional<TableFacts> facts(Connection connection, String table) {
        try {
            List<Map<String, Object>> rows = Rows.query(connection, TABLE_SQL, table);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> r = rows.getFirst();
            Map<String, Double> distinct = JSON.readValue(Rows.text(r, "distinct_values"), new TypeReference<>() { });
            List<List<String>> indexes = JSON.readValue(Rows.text(r, "index_columns"), new TypeReference<>() { });
            return Optional.of(new TableFacts(Rows.longValue(r, "estimated_rows"), distinct, indexes));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Estimated rows, distinct values per analysed column, and the columns of each usable index. */
    private record TableFacts(long rows, Map<String, Double> distinct, List<List<String>> indexes) {
        boolean served(String leadingColumn) {
            return indexes.stream().anyMatch(i -> !i.isEmpty() && i.getFirst().equals(leadingColumn));
        }
    }

    /**
     * An index that would serve a statement, never executed by Mluv.
     *
     * @param table           the table
     * @param columns         the index's columns, in order
     * @param createStatement the statement to put in a migration
     * @param query           the statement it would serve (pg_stat_statements' text)
     * @param calls           that statement's calls since the statistics reset
     * @param meanMs          its mean execution time, ms
     * @param tableRows       the table's estimated rows
     */
    public record SuggestedIndex(String table, List<String> columns, String createStatement, String query, long calls,
                                 double meanMs, long tableRows) implements Detail {
    }

    @Override
    public String fix() {
        return "EXPLAIN the statement with the index on a copy of the data; when it helps, put the `CREATE INDEX CONCURRENTLY ...` shown in a new migration (rollback: `DROP INDEX CONCURRENTLY`) and deploy it with `./mluv deploy migrate`. Never run it by hand on production.";
    }
}
