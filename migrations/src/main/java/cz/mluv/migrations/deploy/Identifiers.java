package cz.mluv.migrations.deploy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Identifiers quoted by the server ({@code quote_ident}), for the statements backup and restore build. */
final class Identifiers {

    private Identifiers() {
    }

    /**
     * @param c     any connection
     * @param parts unquoted names, e.g. {@code "public", "admin_user"}
     * @return each quoted by {@code quote_ident}, joined with dots, e.g. {@code public.admin_user}
     * @throws SQLException when the server cannot be asked
     */
    static String qualified(Connection c, String... parts) throws SQLException {
        return String.join(".", each(c, List.of(parts)));
    }

    /**
     * @param c     any connection
     * @param names unquoted names
     * @return each quoted by {@code quote_ident}, in order
     * @throws SQLException when the server cannot be asked
     */
    static List<String> each(Connection c, List<String> names) throws SQLException {
        Array array = c.createArrayOf("text", names.toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT quote_ident(n) FROM unnest(?::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i")) {
            ps.setArray(1, array);
            List<String> quoted = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quoted.add(rs.getString(1));
                }
            }
            return quoted;
        } finally {
            array.free();
        }
    }
}
