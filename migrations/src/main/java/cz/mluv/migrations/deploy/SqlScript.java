package cz.mluv.migrations.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script split into statements, the way psql would: semicolons inside quotes, quoted
 * identifiers, dollar-quoted bodies ({@code DO $$ ... $$}) and comments do not end a statement.
 *
 * @param statements the statements in order, each without its final semicolon
 */
record SqlScript(List<String> statements) {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");
    // Statements PostgreSQL refuses to run inside a transaction block (the same ones Flyway detects).
    private static final Pattern NON_TRANSACTIONAL = Pattern.compile(
            "(?is)^(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM|CREATE\\s+TABLESPACE|DROP\\s+TABLESPACE"
                    + "|ALTER\\s+TYPE\\s+\\S+\\s+ADD\\s+VALUE)\\b.*");

    /**
     * @param sql the script text
     * @return its statements; statements holding only comments are left out
     */
    static SqlScript parse(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        scan(sql, (kind, start, end) -> {
            if (kind == Token.SEMICOLON) {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(sql, start, end);
            }
        });
        add(statements, current);
        return new SqlScript(List.copyOf(statements));
    }

    /**
     * A statement (or script) prepared for searching with a regular expression, read with the same
     * lexer as {@link #parse}: both copies are as long as the input, so a match found in
     * {@link #searchable()} is read at the same positions from {@link #readable()}.
     *
     * @param readable   the text with comments replaced by spaces (line breaks kept)
     * @param searchable the same with the contents of string literals blanked too, so that a pattern
     *                   never matches inside a comment or a string; dollar-quoted bodies
     *                   ({@code DO $$ ... $$}) stay searchable, their own comments and strings blanked
     */
    record Masked(String readable, String searchable) {
    }

    /**
     * @param sql a statement or a script
     * @return its masked copies, for searching
     */
    static Masked mask(String sql) {
        StringBuilder readable = new StringBuilder(sql.length());
        StringBuilder searchable = new StringBuilder(sql.length());
        scan(sql, (kind, start, end) -> {
            switch (kind) {
                case COMMENT -> {
                    String blank = blank(sql.substring(start, end));
                    readable.append(blank);
                    searchable.append(blank);
                }
                case STRING -> {
                    readable.append(sql, start, end);
                    // Keep the quotes (and an E prefix is outside the token): blank what is between them.
                    searchable.append(sql.charAt(start));
                    if (end - start >= 2) {
                        searchable.append(" ".repeat(end - start - 2)).append(sql.charAt(end - 1));
                    }
                }
                case DOLLAR_BODY -> {
                    Matcher tag = DOLLAR_TAG.matcher(sql).region(start, end);
                    tag.lookingAt();
                    int bodyStart = tag.end();
                    int bodyEnd = Math.max(bodyStart, end - tag.group().length());
                    boolean closed = sql.startsWith(tag.group(), bodyEnd) && bodyEnd + tag.group().length() == end
                            && end - start >= 2 * tag.group().length();
                    if (!closed) {
                        bodyEnd = end;
                    }
                    Masked body = mask(sql.substring(bodyStart, bodyEnd));
                    readable.append(sql, start, bodyStart).append(body.readable()).append(sql, bodyEnd, end);
                    searchable.append(sql, start, bodyStart).append(body.searchable()).append(sql, bodyEnd, end);
                }
                default -> {
                    readable.append(sql, start, end);
                    searchable.append(sql, start, end);
                }
            }
        });
        return new Masked(readable.toString(), searchable.toString());
    }

    private static String blank(String text) {
        return text.replaceAll("[^\\n]", " ");
    }

    /** The kinds of token {@link #scan} reports. */
    private enum Token { STRING, QUOTED_IDENTIFIER, COMMENT, DOLLAR_BODY, SEMICOLON, OTHER }

    @FunctionalInterface
    private interface TokenSink {
        void accept(Token kind, int start, int end);
    }

    // The one lexer of this class: reports every token of sql, in order, covering all of it.
    private static void scan(String sql, TokenSink sink) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            Token kind;
            int end;
            if (c == '\'') {
                kind = Token.STRING;
                end = quoted(sql, i, '\'', i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e'));
            } else if (c == '"') {
                kind = Token.QUOTED_IDENTIFIER;
                end = quoted(sql, i, '"', false);
            } else if (c == '-' && sql.startsWith("--", i)) {
                kind = Token.COMMENT;
                end = lineEnd(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                kind = Token.COMMENT;
                end = blockCommentEnd(sql, i);
            } else if (c == '$' && !precededByIdentifier(sql, i) && (end = dollarQuoted(sql, i)) > i + 1) {
                kind = Token.DOLLAR_BODY;
            } else if (c == ';') {
                kind = Token.SEMICOLON;
                end = i + 1;
            } else {
                kind = Token.OTHER;
                end = i + 1;
            }
            sink.accept(kind, i, end);
            i = end;
        }
    }

    /** @return whether every statement may run inside one transaction */
    boolean transactional() {
        return statements.stream().noneMatch(SqlScript::runsOutsideTransaction);
    }

    /**
     * @param statement one statement, possibly starting with comments
     * @return whether PostgreSQL refuses to run it inside a transaction block
     */
    static boolean runsOutsideTransaction(String statement) {
        return NON_TRANSACTIONAL.matcher(withoutLeadingComments(statement)).matches();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!withoutLeadingComments(statement).isEmpty()) {
            statements.add(statement);
        }
    }

    static String withoutLeadingComments(String statement) {
        String s = statement.strip();
        while (s.startsWith("--") || s.startsWith("/*")) {
            s = s.substring(s.startsWith("--") ? lineEnd(s, 0) : blockCommentEnd(s, 0)).strip();
        }
        return s;
    }

    private static int quoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int start) {
        int nl = sql.indexOf('\n', start);
        return nl < 0 ? sql.length() : nl + 1;
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean precededByIdentifier(String sql, int i) {
        return i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_');
    }

    private static int dollarQuoted(String sql, int start) {
        Matcher tag = DOLLAR_TAG.matcher(sql).region(start, sql.length());
        if (!tag.lookingAt()) {
            return start + 1;
        }
        String delimiter = tag.group();
        int close = sql.indexOf(delimiter, tag.end());
        return close < 0 ? sql.length() : close + delimiter.length();
    }
}
