package cz.mluv.migrations.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * An index that a migration script declares with {@code CREATE [UNIQUE] INDEX [CONCURRENTLY]
 * [IF NOT EXISTS] <name> ON <table> ...}.
 *
 * @param name            the index name as PostgreSQL stores it (unquoted names folded to lower case)
 * @param table           the table or materialized view it is on, as written in the script
 * @param unique          whether it is a UNIQUE index
 * @param version         the version of the migration that declares it
 * @param script          that migration's file name
 * @param createStatement the statement from the script, whitespace collapsed, without the final
 *                        semicolon; {@code CONCURRENTLY} ones must run outside a transaction
 */
public record ExpectedIndex(String name, String table, boolean unique, MigrationVersion version, String script,
                            String createStatement) {

    private static final Pattern HEAD = Pattern.compile("(?is)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX)(\\s+CONCURRENTLY\\b)?");

    /** @return whether the statement builds the index concurrently (outside a transaction) */
    public boolean concurrently() {
        Matcher head = HEAD.matcher(createStatement);
        return head.lookingAt() && head.group(2) != null;
    }

    /**
     * The statement that rebuilds this index on a live database: the declaration as the migration
     * wrote it, with {@code CONCURRENTLY} added when it has none (a plain {@code CREATE INDEX} locks
     * out writers for the whole build). Run it in auto-commit mode, outside a transaction.
     *
     * @return e.g. {@code CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t (a)}
     */
    public String restoreStatement() {
        Matcher head = HEAD.matcher(createStatement);
        if (!head.lookingAt() || head.group(2) != null) {
            return createStatement;
        }
        return head.group(1) + " CONCURRENTLY" + createStatement.substring(head.end(1));
    }
}
