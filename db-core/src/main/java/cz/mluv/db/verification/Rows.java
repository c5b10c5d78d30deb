package cz.mluv.db.verification;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
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

    /**
     * Runs a query and reads every row into a record whose components are the query's columns, a
     * column {@code mean_ms} filling the component {@code meanMs} (see {@link #as(List, Class)}).
     *
     * @param connection where to run it
     * @param sql        the query with {@code ?} placeholders
     * @param type       the record of one row
     * @param parameters values in placeholder order
     * @param <R>        the row type
     * @return the rows
     * @throws SQLException when the query fails
     */
    public static <R extends Record & Detail> List<R> query(Connection connection, String sql, Class<R> type,
                                                            Object... parameters) throws SQLException {
        return as(query(connection, sql, parameters), type);
    }

    /**
     * Turns detail rows into typed records: each record component takes the column of the same
     * name in snake_case ({@code countedSince} from {@code counted_since}); numbers are converted to
     * the component's numeric type, anything else to text for a {@code String} component; a column
     * the row lacks, or SQL NULL, is {@code null} (0 or {@code false} for a primitive).
     *
     * @param rows rows as {@link #query(Connection, String, Object...)} reads them
     * @param type the record of one row
     * @param <R>  the row type
     * @return one record per row, order kept
     * @throws IllegalArgumentException when a row has a column the record lacks (a typo in an alias)
     */
    public static <R extends Record & Detail> List<R> as(List<Map<String, Object>> rows, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        java.util.Set<String> known = Arrays.stream(components).map(c -> snake(c.getName()))
                .collect(java.util.stream.Collectors.toSet());
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.trySetAccessible();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
        }
        List<R> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            for (String column : row.keySet()) {
                if (!known.contains(column)) {
                    throw new IllegalArgumentException(type.getSimpleName() + " has no component for column " + column);
                }
            }
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = convert(row.get(snake(components[i].getName())), types[i]);
            }
            try {
                out.add(constructor.newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + type.getName() + " of " + row, e);
            }
        }
        return out;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Object convert(Object value, Class<?> type) {
        if (value == null) {
            if (type == long.class || type == int.class || type == double.class) {
                return type == long.class ? 0L : type == int.class ? 0 : 0.0;
            }
            return type == boolean.class ? Boolean.FALSE : null;
        }
        if (value instanceof Number n) {
            if (type == long.class || type == Long.class) {
                return n.longValue();
            }
            if (type == int.class || type == Integer.class) {
                return n.intValue();
            }
            if (type == double.class || type == Double.class) {
                return n.doubleValue();
            }
        }
        if (type == String.class) {
            return String.valueOf(value);
        }
        if (type == List.class && !(value instanceof List<?>)) {
            return List.of(value);
        }
        return value;
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
