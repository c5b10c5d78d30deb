package cz.mluv.migrations.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables, views and columns a rollback script drops, read from its statements with
 * {@link SqlScript}'s lexer (comments and string literals never match).
 *
 * <p>Understood: {@code DROP TABLE [IF EXISTS] a, b [CASCADE|RESTRICT]}, the same for
 * {@code DROP VIEW} and {@code DROP MATERIALIZED VIEW}, and every {@code DROP [COLUMN] [IF EXISTS] c}
 * action of {@code ALTER TABLE [IF EXISTS] [ONLY] t ...}. Names may be schema-qualified and quoted.
 * Not seen: drops inside {@code DO} blocks or functions, and what {@code CASCADE} takes along.
 */
final class DropStatements {

    /** What a statement drops. */
    enum Kind { TABLE, VIEW, MATERIALIZED_VIEW, COLUMN }

    /**
     * One dropped object as the script names it.
     *
     * @param kind     what the statement drops
     * @param relation the table or view as written, e.g. {@code users} or {@code public."Odd"}; {@code to_regclass} reads it
     * @param column   for {@link Kind#COLUMN}: the column's name as stored (unquoted, folded to lower case
     *                 when it was written unquoted); else {@code null}
     */
    record Dropped(Kind kind, String relation, String column) {
    }

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final String NAME = IDENT + "(?:\\s*\\.\\s*" + IDENT + "){0,2}";
    private static final Pattern DROP_RELATION = Pattern.compile(
            "(?is)DROP\\s+(TABLE|VIEW|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+EXISTS\\s+)?(.+?)(?:\\s+(?:CASCADE|RESTRICT))?");
    private static final Pattern NAME_IN_LIST = Pattern.compile("\\s*(" + NAME + ")\\s*(?:,|$)");
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "(?is)ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")\\s*\\*?\\s+(.+)");
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "(?is)DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(" + IDENT + ")(?:\\s+(?:CASCADE|RESTRICT))?");

    private DropStatements() {
    }

    /**
     * @param script a parsed rollback script
     * @return what its statements drop, in statement order
     */
    static List<Dropped> of(SqlScript script) {
        List<Dropped> dropped = new ArrayList<>();
        for (String statement : script.statements()) {
            String text = SqlScript.mask(statement).searchable().strip();
            Matcher drop = DROP_RELATION.matcher(text);
            Matcher alter = ALTER_TABLE.matcher(text);
            if (drop.matches()) {
                Kind kind = relationKind(drop.group(1));
                names(drop.group(2)).forEach(name -> dropped.add(new Dropped(kind, name, null)));
            } else if (alter.matches()) {
                for (String action : topLevelItems(alter.group(2))) {
                    Matcher column = DROP_COLUMN.matcher(action.strip());
                    if (column.matches() && !column.group(1).equalsIgnoreCase("constraint")) {
                        dropped.add(new Dropped(Kind.COLUMN, alter.group(1).strip(), identifier(column.group(1))));
                    }
                }
            }
        }
        return List.copyOf(dropped);
    }

    private static Kind relationKind(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (k) {
            case "TABLE" -> Kind.TABLE;
            case "VIEW" -> Kind.VIEW;
            default -> Kind.MATERIALIZED_VIEW;
        };
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME_IN_LIST.matcher(list);
        int at = 0;
        while (at < list.length() && m.find(at) && m.start() == at) {
            names.add(m.group(1).strip());
            at = m.end();
        }
        return at == list.length() ? names : List.of();
    }

    // Splits "a, b (x, y), c" at the commas outside parentheses and quoted identifiers.
    private static List<String> topLevelItems(String actions) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < actions.length(); i++) {
            char c = actions.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(actions.substring(start, i));
                start = i + 1;
            }
        }
        items.add(actions.substring(start));
        return items;
    }

    /** @return the stored name of an identifier: quotes removed, or folded to lower case when unquoted */
    static String identifier(String written) {
        return written.startsWith("\"")
                ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(Locale.ROOT);
    }
}
