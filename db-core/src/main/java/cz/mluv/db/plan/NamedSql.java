package cz.mluv.db.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written with Micronaut Data's named parameters ({@code :telegramId}) turned into JDBC's
 * positional form ({@code ?}), keeping the order of the names. Casts ({@code ::date}) are left
 * alone.
 *
 * @param jdbcSql    the SQL with {@code ?} placeholders
 * @param parameters parameter names in placeholder order (a name may repeat)
 */
public record NamedSql(String jdbcSql, List<String> parameters) {

    private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9_]*)");

    /**
     * @param sql SQL with {@code :name} parameters
     * @return the positional form
     */
    public static NamedSql parse(String sql) {
        Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new NamedSql(out.toString(), List.copyOf(names));
    }
}
