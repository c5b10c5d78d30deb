package cz.mluv.migrations.deploy;

/**
 * An index that PostgreSQL marks INVALID ({@code pg_index.indisvalid = false}): the planner does
 * not use it, yet writers still maintain it, and a UNIQUE one no longer guarantees uniqueness.
 * A failed {@code CREATE INDEX CONCURRENTLY} leaves one behind, and a rerun with
 * {@code IF NOT EXISTS} silently keeps it.
 *
 * @param schema          the index's schema
 * @param name            the index name
 * @param table           the table it indexes (schema-qualified, quoted as needed)
 * @param qualifiedName   schema and name, quoted as needed, ready to put into SQL
 * @param definition      its definition ({@code pg_get_indexdef})
 * @param buildInProgress whether a concurrent index build or reindex runs on its table right now
 *                        (an index being built is INVALID until the build ends: not broken)
 */
public record InvalidIndex(String schema, String name, String table, String qualifiedName, String definition,
                           boolean buildInProgress) {

    /**
     * @return whether the name is that of a leftover of a failed {@code REINDEX CONCURRENTLY}
     *         ({@code <index>_ccnew} or {@code <index>_ccold}, maybe with a digit), which PostgreSQL's
     *         documentation says to drop rather than rebuild
     */
    public boolean leftoverOfConcurrentReindex() {
        return name.matches(".*_cc(new|old)\\d*");
    }

    /**
     * @return the statement that repairs this index: {@code DROP INDEX CONCURRENTLY IF EXISTS} for a
     *         leftover of a failed concurrent reindex, else {@code REINDEX INDEX CONCURRENTLY}
     */
    public String repairStatement() {
        return leftoverOfConcurrentReindex() ? "DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedName
                : "REINDEX INDEX CONCURRENTLY " + qualifiedName;
    }
}
