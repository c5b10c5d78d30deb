package cz.mluv.db.verification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PGobject;

/**
 * Detail rows of a check: runs a query and turns each row into column name to value, with values
 * that every report format prints the same way (timestamps as ISO-8601 strings, arrays as lists,
 * intervals and other PostgreSQL types as their text).
 */
public final class Rows {

    private Rows() {
    }

    /**
     * Runs a query and reads every row.
     *
     * @param connection where to run it
     * @param sql        the query with {@code ?} placeholders
     * @param parameters values in placeholder order; a {@code String[]} is bound as {@code text[]}
     * @return the rows, column order kept
     * @throws SQLException when the query fails
     */
    public static List<Map<String, Object>> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                ps.setObject(i + 1, p instanceof String[] texts ? connection.createArrayOf("text", texts) : p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), normalize(rs.getObject(c)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /**
     * @param columnsAndValues name, value, name, value, ...
     * @return one detail row in that column order
     * @throws IllegalArgumentException when the arguments do not come in pairs
     */
    public static Map<String, Object> row(Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("columns and values must come in pairs");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(String.valueOf(columnsAndValues[i]), normalize(columnsAndValues[i + 1]));
        }
        return row;
    }

    /**
     * @param row    a detail row
     * @param column a numeric column
     * @return its value as a long; 0 when SQL NULL
     */
    public static long longValue(Map<String, Object> row, String column) {
        return row.get(column) instanceof Number n ? n.longValue() : 0L;
    }

    /**
     * @param row    a detail row
     * @param column a numeric column
     * @return its value as a double; 0 when SQL NULL
     */
    public static double doubleValue(Map<String, Object> row, String column) {
        return row.get(column) instanceof Number n ? n.doubleValue() : 0.0;
    }

    /**
     * @param row    a detail row
     * @param column a boolean column
     * @return its value; {@code false} when SQL NULL
     */
    public static boolean booleanValue(Map<String, Object> row, String column) {
        return Boolean.TRUE.equals(row.get(column));
    }

    /**
     * @param row    a detail row
     * @param column a column
     * @return its value as text; {@code null} when SQL NULL
     */
    public static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : String.valueOf(v);
    }

    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case TemporalAccessor t -> t.toString();
            case PGobject pg -> pg.getValue();
            case Array array -> arrayValues(array);
            case Object[] values -> Arrays.stream(values).map(Rows::normalize).toList();
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case List<?> list -> list.stream().map(Rows::normalize).toList();
            default -> String.valueOf(value);
        };
    }

    private static Object arrayValues(Array array) {
        try {
            return normalize((Object[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a PostgreSQL array", e);
        }
    }
}
