package cz.mluv.migrations.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actions of one {@code ALTER TABLE} statement (split at top-level commas), classified for
 * {@link MigrationLinter}. Input is the statement's masked, whitespace-collapsed code.
 */
final class AlterTableActions {

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "(?i)^ADD (?:CONSTRAINT (" + IDENT + ") )?(FOREIGN KEY|CHECK)\\b(.*)$");
    private static final Pattern ADD_UNIQUE = Pattern.compile(
            "(?i)^ADD (?:CONSTRAINT " + IDENT + " )?(PRIMARY KEY|UNIQUE|EXCLUDE)\\b(.*)$");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?i)^ADD (?:COLUMN )?(?:IF NOT EXISTS )?(" + IDENT + ") (.*)$");
    private static final Pattern SET_NOT_NULL = Pattern.compile("(?i)^ALTER (?:COLUMN )?(" + IDENT + ") SET NOT NULL\\b");
    private static final Pattern ALTER_TYPE = Pattern.compile("(?i)^ALTER (?:COLUMN )?(" + IDENT + ") (?:SET DATA )?TYPE\\b");
    private static final Pattern VALIDATE = Pattern.compile("(?i)^VALIDATE CONSTRAINT (" + IDENT + ")");
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("(?i)^DROP CONSTRAINT\\b");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?i)^DROP (?:COLUMN )?(?:IF EXISTS )?(" + IDENT + ")");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\bNOT VALID\\b");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("(?i)^\\s*\\(\\s*(" + IDENT + ")\\s+IS NOT NULL\\s*\\)");

    /** {@code GENERATED ALWAYS AS (expr) STORED}: computed for every row when added (VIRTUAL is not). */
    static final Pattern STORED_GENERATED = Pattern.compile("(?i)\\bGENERATED ALWAYS AS \\(.*\\) ?STORED\\b");
    /**
     * A default PostgreSQL must evaluate per row: volatile functions (pg_proc.provolatile = 'v' for
     * these built-ins and uuid-ossp's), serial types and identity columns (nextval per row).
     */
    static final Pattern VOLATILE_DEFAULT = Pattern.compile("(?i)(\\bDEFAULT\\b.*\\b(random|gen_random_uuid|uuid_generate_v1|"
            + "uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7|clock_timestamp|timeofday|nextval|txid_current|"
            + "pg_current_xact_id|setval) ?\\()|^(SMALLSERIAL|SERIAL|BIGSERIAL|SERIAL2|SERIAL4|SERIAL8)\\b|\\bAS IDENTITY\\b");
    /** A column declared NOT NULL. */
    static final Pattern NOT_NULL = Pattern.compile("(?i)\\bNOT NULL\\b");
    /** A column with a default. */
    static final Pattern DEFAULT = Pattern.compile("(?i)\\bDEFAULT\\b");
    /** A CHECK or REFERENCES in a column definition: validated against every row when added. */
    static final Pattern INLINE_CONSTRAINT = Pattern.compile("(?i)\\b(CHECK ?\\(|REFERENCES\\b)");

    /** What an action does. */
    enum Kind { ADD_COLUMN, ADD_CONSTRAINT, ADD_UNIQUE, VALIDATE, SET_NOT_NULL, ALTER_TYPE, DROP_COLUMN, OTHER }

    /**
     * One action.
     *
     * @param kind          what it does
     * @param name          the column or constraint it names ({@code null} when none)
     * @param definition    the column definition after the name (ADD COLUMN), else the rest of the action
     * @param notValid      ADD CONSTRAINT ... NOT VALID
     * @param notNullColumn the column of a {@code CHECK (col IS NOT NULL)}, else {@code null}
     */
    record Action(Kind kind, String name, String definition, boolean notValid, String notNullColumn) {
    }

    private AlterTableActions() {
    }

    /**
     * @param actions the part of the statement after {@code ALTER TABLE name}
     * @return its actions in order
     */
    static List<Action> of(String actions) {
        return split(actions).stream().map(AlterTableActions::classify).toList();
    }

    private static Action classify(String a) {
        Matcher m;
        if ((m = ADD_CONSTRAINT.matcher(a)).find()) {
            String name = m.group(1) == null ? null : MigrationLinter.name(m.group(1));
            Matcher check = NOT_NULL_CHECK.matcher(m.group(3));
            String column = m.group(2).equalsIgnoreCase("CHECK") && check.find() ? MigrationLinter.name(check.group(1)) : null;
            return new Action(Kind.ADD_CONSTRAINT, name, m.group(3), NOT_VALID.matcher(m.group(3)).find(), column);
        }
        if ((m = ADD_UNIQUE.matcher(a)).find()) {
            // ADD ... UNIQUE USING INDEX attaches an index built CONCURRENTLY before: no build under the lock.
            return new Action(m.group(2).matches("(?i).*\\bUSING INDEX\\b.*") ? Kind.OTHER : Kind.ADD_UNIQUE, null, a, false, null);
        }
        if ((m = ADD_COLUMN.matcher(a)).find()) {
            return new Action(Kind.ADD_COLUMN, MigrationLinter.name(m.group(1)), m.group(2), false, null);
        }
        if ((m = SET_NOT_NULL.matcher(a)).find()) {
            return new Action(Kind.SET_NOT_NULL, MigrationLinter.name(m.group(1)), a, false, null);
        }
        if ((m = ALTER_TYPE.matcher(a)).find()) {
            return new Action(Kind.ALTER_TYPE, MigrationLinter.name(m.group(1)), a, false, null);
        }
        if ((m = VALIDATE.matcher(a)).find()) {
            return new Action(Kind.VALIDATE, MigrationLinter.name(m.group(1)), a, false, null);
        }
        if (!DROP_CONSTRAINT.matcher(a).find() && (m = DROP_COLUMN.matcher(a)).find()) {
            return new Action(Kind.DROP_COLUMN, MigrationLinter.name(m.group(1)), a, false, null);
        }
        return new Action(Kind.OTHER, null, a, false, null);
    }

    private static List<String> split(String actions) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < actions.length(); i++) {
            char c = actions.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(actions.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(actions.substring(start).strip());
        return out.stream().filter(s -> !s.isEmpty()).toList();
    }
}
