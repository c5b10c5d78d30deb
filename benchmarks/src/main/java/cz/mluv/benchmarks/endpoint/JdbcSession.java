package cz.mluv.benchmarks.endpoint;

import cz.mluv.db.plan.NamedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JDBC connection with its prepared statements, as a load client holds it. Statements are
 * written with named parameters (the repositories' SQL constants) and prepared once per SQL
 * text; the driver switches them to server-side prepared statements after a few executions, as
 * it does for the API's pool. Every column of every row is read, as a row mapper would.
 */
public final class JdbcSession implements AutoCloseable {

    private final Connection connection;
    private final Map<String, Prepared> statements = new HashMap<>();

    private record Prepared(PreparedStatement statement, List<String> names) {
    }

    /** @param connection an open connection (autocommit), owned and closed by this session */
    public JdbcSession(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs one query and reads every row.
     *
     * @param sql    SQL with {@code :name} parameters
     * @param params values by name
     * @return the rows, each as its column values
     * @throws SQLException when the query fails
     * @throws IllegalArgumentException when a named parameter has no value
     */
    public List<Object[]> rows(String sql, Map<String, Object> params) throws SQLException {
        Prepared p = statements.get(sql);
        if (p == null) {
            NamedSql named = NamedSql.parse(sql);
            p = new Prepared(connection.prepareStatement(named.jdbcSql()), named.parameters());
            statements.put(sql, p);
        }
        for (int i = 0; i < p.names().size(); i++) {
            String name = p.names().get(i);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            p.statement().setObject(i + 1, params.get(name));
        }
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = p.statement().executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        for (Prepared p : statements.values()) {
            p.statement().close();
        }
        connection.close();
    }
}
