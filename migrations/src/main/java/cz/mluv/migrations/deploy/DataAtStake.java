package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a rollback would destroy: every table, column and (materialized) view its scripts drop
 * ({@link DropStatements}) that exists now, with its exact row count (one {@code count(*)} each).
 */
final class DataAtStake {

    private static final String RELATION = """
            SELECT n.nspname, c.relname, c.relkind, c.relispopulated, format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p', 'v', 'm')""";
    private static final String COLUMN = """
            SELECT format('%I', a.attname) FROM pg_attribute a
            WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""";

    private DataAtStake() {
    }

    /**
     * @param c       a connection to the database to roll back
     * @param steps   the steps, in the order they would run
     * @param scripts each step's rollback script
     * @return the objects in step and statement order; a column of a table that is dropped too is left out
     * @throws SQLException when a count fails
     */
    static List<StakedObject> find(Connection c, List<RollbackStep> steps, Function<RollbackStep, SqlScript> scripts)
            throws SQLException {
        List<StakedObject> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RollbackStep step : steps) {
            for (DropStatements.Dropped dropped : DropStatements.of(scripts.apply(step))) {
                StakedObject object = resolve(c, step, dropped);
                if (object != null && seen.add(object.name())) {
                    found.add(object);
                }
            }
        }
        Set<String> droppedTables = new HashSet<>();
        found.stream().filter(o -> o.column() == null).forEach(o -> droppedTables.add(o.schema() + "." + o.table()));
        return found.stream().filter(o -> o.column() == null || !droppedTables.contains(o.schema() + "." + o.table())).toList();
    }

    private static StakedObject resolve(Connection c, RollbackStep step, DropStatements.Dropped dropped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELATION)) {
            ps.setString(1, dropped.relation());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String schema = rs.getString(1);
                String table = rs.getString(2);
                String quoted = rs.getString(5);
                if (dropped.kind() == DropStatements.Kind.COLUMN) {
                    String column = quotedColumn(c, dropped);
                    return column == null ? null : new StakedObject(step, DropStatements.Kind.COLUMN, schema, table,
                            dropped.column(), count(c, "SELECT count(*) FROM " + quoted + " WHERE " + column + " IS NOT NULL"));
                }
                DropStatements.Kind kind = switch (rs.getString(3)) {
                    case "m" -> DropStatements.Kind.MATERIALIZED_VIEW;
                    case "v" -> DropStatements.Kind.VIEW;
                    default -> DropStatements.Kind.TABLE;
                };
                // A never-populated materialized view refuses to be read (SQLSTATE 55000): it holds no rows.
                long rows = kind == DropStatements.Kind.MATERIALIZED_VIEW && !rs.getBoolean(4) ? 0
                        : count(c, "SELECT count(*) FROM " + quoted);
                return new StakedObject(step, kind, schema, table, null, rows);
            }
        }
    }

    private static String quotedColumn(Connection c, DropStatements.Dropped dropped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMN)) {
            ps.setString(1, dropped.relation());
            ps.setString(2, dropped.column());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
