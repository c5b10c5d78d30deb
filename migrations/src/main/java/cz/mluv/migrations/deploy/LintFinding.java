package cz.mluv.migrations.deploy;

/**
 * One finding of {@code deploy lint}.
 *
 * @param rule      the rule it breaks
 * @param file      the migration's file name, e.g. {@code V7__add_column.sql}
 * @param line      1-based line of the statement's first keyword (1 for findings about the whole file)
 * @param statement the statement's first line, or a short description for file findings
 * @param silenced  the reason a {@code -- mluv-lint: ignore} comment gives, {@code null} when not silenced
 */
public record LintFinding(LintRule rule, String file, int line, String statement, String silenced) {

    /** @return whether a silencing comment with a reason covers it */
    public boolean isSilenced() {
        return silenced != null;
    }

    /** @return e.g. {@code V7__add_column.sql:12: add-column-volatile-default: ALTER TABLE ...} */
    public String headline() {
        return file + ":" + line + ": " + rule.id() + ": " + statement;
    }
}
