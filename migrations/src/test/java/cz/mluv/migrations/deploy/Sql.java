package cz.mluv.migrations.deploy;

import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for test fixtures and assertions. */
final class Sql {

    private Sql() {
    }

    static void exec(TestPostgres.Database db, String... statements) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(TestPostgres.Database db, String query) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String string(TestPostgres.Database db, String query) {
        List<String> rows = strings(db, query);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows + " from " + query);
        }
        return rows.getFirst();
    }

    static long number(TestPostgres.Database db, String query) {
        return Long.parseLong(string(db, query));
    }

    /** @return the applied versions in flyway_schema_history, successful ones, in order */
    static List<String> appliedVersions(TestPostgres.Database db) {
        return strings(db, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }

    /** @return whether an index of that name exists and is valid */
    static boolean validIndex(TestPostgres.Database db, String name) {
        return "t".equals(string(db, "SELECT coalesce((SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('"
                + name + "')), false)"));
    }

    /** @return the tables and views of schema public, sorted */
    static List<String> relations(TestPostgres.Database db) {
        return strings(db, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                + " AND relkind IN ('r', 'v', 'm', 'p') ORDER BY 1");
    }
}
