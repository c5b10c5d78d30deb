package cz.mluv.db.verification.migration;

/**
 * A migration script prepared for finding statements in it: comments blanked out, and a second,
 * equally long copy where string literals are blanked too, so that a pattern searched in
 * {@link #searchable()} never matches inside a comment or a string, and the statement it found is
 * read at the same positions from {@link #readable()}. Dollar-quoted bodies ({@code DO $$ ... $$})
 * stay searchable: a CREATE INDEX there is a real declaration.
 *
 * @param readable   the script with comments replaced by spaces
 * @param searchable the same with the contents of string literals replaced by spaces too
 */
record SqlText(String readable, String searchable) {

    static SqlText of(String sql) {
        StringBuilder readable = new StringBuilder(sql.length());
        StringBuilder searchable = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int end;
            if (sql.charAt(i) == '\'') {
                end = stringEnd(sql, i);
                readable.append(sql, i, end);
                searchable.append('\'').append(" ".repeat(Math.max(0, end - i - 2))).append(end - i >= 2 ? "'" : "");
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                end = sql.startsWith("--", i) ? lineEnd(sql, i) : blockEnd(sql, i);
                String blank = sql.substring(i, end).replaceAll("[^\\n]", " ");
                readable.append(blank);
                searchable.append(blank);
            } else {
                end = i + 1;
                readable.append(sql.charAt(i));
                searchable.append(sql.charAt(i));
            }
            i = end;
        }
        return new SqlText(readable.toString(), searchable.toString());
    }

    // A literal ends at the next quote that is not doubled ('it''s').
    private static int stringEnd(String sql, int start) {
        int end = sql.indexOf('\'', start + 1);
        while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
            end = sql.indexOf('\'', end + 2);
        }
        return end < 0 ? sql.length() : end + 1;
    }

    private static int lineEnd(String sql, int start) {
        int end = sql.indexOf('\n', start);
        return end < 0 ? sql.length() : end;
    }

    private static int blockEnd(String sql, int start) {
        int end = sql.indexOf("*/", start + 2);
        return end < 0 ? sql.length() : end + 2;
    }
}
