package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A row count and checksum of some columns of a table, to prove a copy equal to its source.
 *
 * <p>The checksum is the md5 of each row's text form ({@code ROW(columns)::text}), combined
 * without regard to order (two 64-bit halves summed as numerics, then md5 of count and sums), so
 * it needs no sort and no 1 GB {@code string_agg} and reads any table size in one pass. Text forms
 * depend on session settings: {@link #stableTextForms(Connection)} fixes them first.
 *
 * @param rows rows read
 * @param md5  32 hex digits
 */
record RowChecksum(long rows, String md5) {

    /**
     * Fixes the settings that change text forms (time zone, date, interval, float and bytea output)
     * for the rest of the session, so that checksums taken by different processes agree.
     *
     * @param c the connection to compute checksums on
     * @throws SQLException when the server refuses
     */
    static void stableTextForms(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('TimeZone', 'UTC', false), set_config('DateStyle', 'ISO, YMD', false),"
                    + " set_config('IntervalStyle', 'postgres', false), set_config('extra_float_digits', '1', false),"
                    + " set_config('bytea_output', 'hex', false)");
        }
    }

    /**
     * @param c       a connection with {@link #stableTextForms(Connection)} applied
     * @param table   the table, quoted and qualified (from {@link Identifiers})
     * @param columns the columns, quoted
     * @param where   a condition on alias {@code t} built from quoted identifiers only, or {@code null}
     * @return the count and checksum of the rows that satisfy it
     * @throws SQLException when the read fails
     */
    static RowChecksum of(Connection c, String table, List<String> columns, String where) throws SQLException {
        String row = "ROW(" + String.join(", ", columns.stream().map(col -> "t." + col).toList()) + ")::text";
        String sql = "SELECT count(*), md5(count(*) || ':' || coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)"
                + " || ':' || coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0))"
                + " FROM (SELECT md5(" + row + ") AS h FROM " + table + " t" + (where == null ? "" : " WHERE " + where) + ") s";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new RowChecksum(rs.getLong(1), rs.getString(2));
        }
    }
}
