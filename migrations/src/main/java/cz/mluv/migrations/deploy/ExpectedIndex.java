package cz.mluv.db.verification.migration;

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

    /** @return whether the statement builds the index concurrently (outside a transaction) */
    public boolean concurrently() {
        return createStatement.matches("(?is)CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b.*");
    }
}
