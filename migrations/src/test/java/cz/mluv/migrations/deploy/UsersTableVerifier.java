package cz.mluv.migrations.deploy;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A stand-in for db-core's checklist, registered only through a test class loader (never in
 * META-INF/services of the test jar, which other modules put on their classpath): one check,
 * "the users table exists".
 */
public final class UsersTableVerifier implements PostDeploymentVerifier {

    @Override
    public int verify(DataSource dataSource, String format, PrintStream out) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('users') IS NOT NULL, current_setting('lock_timeout')")) {
            rs.next();
            boolean passed = rs.getBoolean(1);
            out.println("format=" + format + " users-table=" + (passed ? "PASS" : "FAIL") + " lock_timeout=" + rs.getString(2));
            return passed ? 0 : 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
