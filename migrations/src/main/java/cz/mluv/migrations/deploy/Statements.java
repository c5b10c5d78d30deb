package cz.mluv.migrations.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * A script's statements with the line each starts on, for reports that point at a file and line.
 *
 * @param all the statements in order
 */
record Statements(List<Statement> all) {

    /**
     * One statement.
     *
     * @param text its text with its leading comments, without the final semicolon
     * @param line 1-based line of its first keyword in the script
     */
    record Statement(String text, int line) {

        /** @return the statement without comments, string contents blanked, whitespace collapsed: for matching */
        String code() {
            return SqlScript.mask(SqlScript.withoutLeadingComments(text)).searchable().replaceAll("\\s+", " ").strip();
        }

        /** @return its first line without leading comments, at most 120 characters */
        String excerpt() {
            String s = SqlScript.withoutLeadingComments(text);
            int nl = s.indexOf('\n');
            String first = nl < 0 ? s : s.substring(0, nl).strip() + " ...";
            return first.length() > 120 ? first.substring(0, 117) + "..." : first;
        }
    }

    /**
     * @param script a script's text
     * @return its statements ({@link SqlScript#parse}) with their lines
     */
    static Statements of(String script) {
        List<Statement> out = new ArrayList<>();
        int cursor = 0;
        // SqlScript.parse keeps each statement as one contiguous, stripped piece of the script: find it in order.
        for (String statement : SqlScript.parse(script).statements()) {
            int at = script.indexOf(statement, cursor);
            if (at < 0) {
                at = cursor;
            }
            int keyword = at + statement.length() - SqlScript.withoutLeadingComments(statement).length();
            out.add(new Statement(statement, lineOf(script, keyword)));
            cursor = at + statement.length();
        }
        return new Statements(List.copyOf(out));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
