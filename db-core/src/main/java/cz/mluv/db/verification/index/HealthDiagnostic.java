package cz.mluv.db.verification.index;

import cz.mluv.db.verification.CheckId;
import cz.mluv.db.verification.CheckStatus;
import cz.mluv.db.verification.Severity;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Every diagnostic of pg-index-health 0.31.0 and how Mluv's catalogue carries it: the title, why it
 * matters, the status a finding gives, its severity, and whether Mluv's own bookkeeping tables are
 * left out. Flyway's schema history is always left out (as the library's test starter does).
 *
 * <p>Three diagnostics have older, hand-written entries with their own ids and judgement
 * ({@link #covered()}): INVALID_INDEXES ({@code invalid-indexes}), FOREIGN_KEYS_WITHOUT_INDEX
 * ({@code fk-without-index}) and DUPLICATED_INDEXES ({@code duplicate-indexes}); every other one is a
 * {@link LibraryDiagnosticCheck}.
 */
public enum HealthDiagnostic {

    BLOATED_INDEXES(Diagnostic.BLOATED_INDEXES, "Index bloat", Severity.MINOR, CheckStatus.WARN, false,
            "A bloated index (estimated from pg_stats) reads and caches pages of dead entries; PgHero shows index bloat "
                    + "on its space page. REINDEX INDEX CONCURRENTLY rebuilds it without blocking writers."),
    BLOATED_TABLES(Diagnostic.BLOATED_TABLES, "Table bloat", Severity.MINOR, CheckStatus.WARN, false,
            "A bloated table (estimated from pg_stats) makes every Seq Scan read dead space; autovacuum falling behind "
                    + "is the usual cause."),
    INDEXES_WITH_NULL_VALUES(Diagnostic.INDEXES_WITH_NULL_VALUES, "Indexes on nullable columns without a NULL filter",
            Severity.INFO, CheckStatus.WARN, false,
            "An index on a column that is mostly NULL stores entries no query looks up; a partial index WHERE col IS "
                    + "NOT NULL is smaller. Mluv's idx_saved_words_review indexes NULL on purpose (never-reviewed words "
                    + "first, NULLS FIRST), so this WARNs on Mluv's schema by design."),
    INTERSECTED_INDEXES(Diagnostic.INTERSECTED_INDEXES, "Intersected indexes", Severity.INFO, CheckStatus.WARN, false,
            "Two indexes sharing leading columns may make one of them redundant. On Mluv's schema "
                    + "idx_messages_user_created and the partial, covering idx_messages_correctness_score share "
                    + "(user_id, created_at) on purpose (the analytics read is index-only), so this WARNs by design."),
    TABLES_WITH_MISSING_INDEXES(Diagnostic.TABLES_WITH_MISSING_INDEXES, "Tables read by more Seq Scans than index scans",
            Severity.MINOR, CheckStatus.WARN, false,
            "A table used mostly through sequential scans may miss an index; on small tables this is a false positive "
                    + "(the planner rightly prefers a Seq Scan), so judge it on production-sized data."),
    TABLES_WITHOUT_PRIMARY_KEY(Diagnostic.TABLES_WITHOUT_PRIMARY_KEY, "Tables without a primary key", Severity.MAJOR,
            CheckStatus.WARN, true,
            "Without a primary key rows cannot be addressed reliably, logical replication cannot publish updates and "
                    + "deletes, and duplicates creep in."),
    UNUSED_INDEXES(Diagnostic.UNUSED_INDEXES, "Rarely used indexes (pg-index-health)", Severity.MINOR, CheckStatus.WARN,
            false,
            "pg-index-health's view of unused indexes: indexes scanned rarely that back no foreign key. Mluv's own "
                    + "unused-indexes lists every index never scanned and since when the counters run; the two answer "
                    + "slightly different questions, so both are kept."),
    TABLES_WITHOUT_DESCRIPTION(Diagnostic.TABLES_WITHOUT_DESCRIPTION, "Tables without a COMMENT", Severity.INFO,
            CheckStatus.WARN, true,
            "A COMMENT ON TABLE tells the next person what a table is for, right in psql and every schema tool. Mluv's "
                    + "migrations do not comment their tables yet: this WARNs on Mluv's schema until they do."),
    COLUMNS_WITHOUT_DESCRIPTION(Diagnostic.COLUMNS_WITHOUT_DESCRIPTION, "Columns without a COMMENT", Severity.INFO,
            CheckStatus.WARN, true,
            "A COMMENT ON COLUMN documents units and meaning where the data lives. Mluv's migrations do not comment "
                    + "their columns yet: this WARNs on Mluv's schema until they do."),
    COLUMNS_WITH_JSON_TYPE(Diagnostic.COLUMNS_WITH_JSON_TYPE, "Columns of type json (not jsonb)", Severity.MINOR,
            CheckStatus.WARN, false,
            "json keeps the text as written and cannot be indexed or compared; jsonb is the type to store."),
    COLUMNS_WITH_SERIAL_TYPES(Diagnostic.COLUMNS_WITH_SERIAL_TYPES, "Non-key columns of a serial type", Severity.MINOR,
            CheckStatus.WARN, false,
            "A serial column that is not the primary key usually is a mistake (a foreign key declared serial gets its "
                    + "own sequence)."),
    FUNCTIONS_WITHOUT_DESCRIPTION(Diagnostic.FUNCTIONS_WITHOUT_DESCRIPTION, "Functions without a COMMENT", Severity.INFO,
            CheckStatus.WARN, true,
            "A COMMENT ON FUNCTION says what a server-side function does and what it returns. search_messages (V9) "
                    + "has none yet, and the library also lists the unaccent extension's functions when the extension "
                    + "lives in the same schema: this WARNs on Mluv's schema until they are commented."),
    INDEXES_WITH_BOOLEAN(Diagnostic.INDEXES_WITH_BOOLEAN, "Indexes on boolean columns", Severity.MINOR, CheckStatus.WARN,
            false,
            "A boolean column has two values: an index on it rarely beats a Seq Scan; a partial index WHERE flag is the "
                    + "usual answer."),
    NOT_VALID_CONSTRAINTS(Diagnostic.NOT_VALID_CONSTRAINTS, "Constraints left NOT VALID", Severity.MAJOR,
            CheckStatus.WARN, false,
            "A constraint added NOT VALID (the zero-downtime way) checks new rows only until ALTER TABLE ... VALIDATE "
                    + "CONSTRAINT runs; PgHero lists these as invalid constraints. Left NOT VALID, old rows may break it."),
    BTREE_INDEXES_ON_ARRAY_COLUMNS(Diagnostic.BTREE_INDEXES_ON_ARRAY_COLUMNS, "B-tree indexes on array columns",
            Severity.MINOR, CheckStatus.WARN, false,
            "A B-tree on an array serves only whole-array equality; containment (@>, &&) needs GIN."),
    SEQUENCE_OVERFLOW(Diagnostic.SEQUENCE_OVERFLOW, "Sequences near overflow", Severity.CRITICAL, CheckStatus.FAIL, false,
            "A sequence that reaches its maximum makes every insert fail; PgHero warns about sequences near overflow."),
    PRIMARY_KEYS_WITH_SERIAL_TYPES(Diagnostic.PRIMARY_KEYS_WITH_SERIAL_TYPES, "Primary keys of a serial type",
            Severity.INFO, CheckStatus.WARN, true,
            "serial/bigserial keep a sequence the table does not own by SQL standard; GENERATED ... AS IDENTITY is the "
                    + "modern form with the same speed."),
    DUPLICATED_FOREIGN_KEYS(Diagnostic.DUPLICATED_FOREIGN_KEYS, "Duplicated foreign keys", Severity.MINOR,
            CheckStatus.WARN, false,
            "Two identical foreign keys check every write twice."),
    INTERSECTED_FOREIGN_KEYS(Diagnostic.INTERSECTED_FOREIGN_KEYS, "Intersected foreign keys", Severity.MINOR,
            CheckStatus.WARN, false,
            "Foreign keys over overlapping columns to the same table usually mean one of them is redundant."),
    POSSIBLE_OBJECT_NAME_OVERFLOW(Diagnostic.POSSIBLE_OBJECT_NAME_OVERFLOW, "Names at the 63-byte limit",
            Severity.MINOR, CheckStatus.WARN, false,
            "PostgreSQL truncates identifiers to 63 bytes silently: a name at the limit was probably cut, and two cut "
                    + "names can collide."),
    TABLES_NOT_LINKED_TO_OTHERS(Diagnostic.TABLES_NOT_LINKED_TO_OTHERS, "Tables linked to no other table",
            Severity.INFO, CheckStatus.WARN, true,
            "A table no foreign key links to or from is often a leftover; Mluv's own bookkeeping tables are standalone "
                    + "by design and left out."),
    FOREIGN_KEYS_WITH_UNMATCHED_COLUMN_TYPE(Diagnostic.FOREIGN_KEYS_WITH_UNMATCHED_COLUMN_TYPE,
            "Foreign keys whose column types differ from the referenced key", Severity.MAJOR, CheckStatus.FAIL, false,
            "An int column referencing a bigint key overflows once the parent's ids pass 2^31, and mixed types cost a "
                    + "cast on every join."),
    TABLES_WITH_ZERO_OR_ONE_COLUMN(Diagnostic.TABLES_WITH_ZERO_OR_ONE_COLUMN, "Tables with zero or one column",
            Severity.INFO, CheckStatus.WARN, true,
            "A table of one column is usually a design mistake or a leftover."),
    OBJECTS_NOT_FOLLOWING_NAMING_CONVENTION(Diagnostic.OBJECTS_NOT_FOLLOWING_NAMING_CONVENTION,
            "Object names that need quoting", Severity.MINOR, CheckStatus.WARN, false,
            "Names in capitals or with special characters must be quoted in every statement; lower_snake_case is the "
                    + "PostgreSQL convention."),
    COLUMNS_NOT_FOLLOWING_NAMING_CONVENTION(Diagnostic.COLUMNS_NOT_FOLLOWING_NAMING_CONVENTION,
            "Column names that need quoting", Severity.MINOR, CheckStatus.WARN, false,
            "Column names in capitals or with special characters must be quoted in every statement."),
    PRIMARY_KEYS_WITH_VARCHAR(Diagnostic.PRIMARY_KEYS_WITH_VARCHAR, "Primary keys that store a UUID as varchar/char",
            Severity.MINOR, CheckStatus.WARN, true,
            "A key of varchar(32/36/38) or char of those lengths is a UUID kept as text: 36+ bytes and text comparison "
                    + "instead of the 16-byte uuid type, in the key and in every foreign key."),
    COLUMNS_WITH_FIXED_LENGTH_VARCHAR(Diagnostic.COLUMNS_WITH_FIXED_LENGTH_VARCHAR, "Columns of type varchar(n)",
            Severity.INFO, CheckStatus.WARN, false,
            "In PostgreSQL varchar(n) is not faster than text, and changing n later rewrites or locks the table; a "
                    + "CHECK on length is the flexible rule."),
    INDEXES_WITH_UNNECESSARY_WHERE_CLAUSE(Diagnostic.INDEXES_WITH_UNNECESSARY_WHERE_CLAUSE,
            "Partial indexes whose WHERE repeats NOT NULL", Severity.MINOR, CheckStatus.WARN, false,
            "A WHERE col IS NOT NULL on a NOT NULL column filters nothing and stops the planner from using the index "
                    + "for queries without that predicate."),
    PRIMARY_KEYS_THAT_MOST_LIKELY_NATURAL_KEYS(Diagnostic.PRIMARY_KEYS_THAT_MOST_LIKELY_NATURAL_KEYS,
            "Primary keys that look like natural keys", Severity.INFO, CheckStatus.WARN, true,
            "Natural keys (a code, a name) change; a surrogate key keeps foreign keys stable."),
    COLUMNS_WITH_MONEY_TYPE(Diagnostic.COLUMNS_WITH_MONEY_TYPE, "Columns of type money", Severity.MINOR,
            CheckStatus.WARN, false,
            "money depends on lc_monetary and rounds; numeric is exact."),
    INDEXES_WITH_TIMESTAMP_IN_THE_MIDDLE(Diagnostic.INDEXES_WITH_TIMESTAMP_IN_THE_MIDDLE,
            "Indexes with a timestamp column before other columns", Severity.INFO, CheckStatus.WARN, false,
            "Columns after a timestamp are rarely usable for lookups (the timestamp is almost unique). Mluv's keyset "
                    + "indexes (created_at DESC, id DESC) put id after the timestamp on purpose, to make pages exact, "
                    + "so this WARNs on Mluv's schema by design."),
    COLUMNS_WITH_TIMESTAMP_OR_TIMETZ_TYPE(Diagnostic.COLUMNS_WITH_TIMESTAMP_OR_TIMETZ_TYPE,
            "Columns of type timestamp without time zone or timetz", Severity.MINOR, CheckStatus.WARN, false,
            "timestamp without time zone loses the instant when servers or clients change zone; timestamptz stores it."),
    TABLES_WHERE_PRIMARY_KEY_COLUMNS_NOT_FIRST(Diagnostic.TABLES_WHERE_PRIMARY_KEY_COLUMNS_NOT_FIRST,
            "Tables whose primary key columns are not first", Severity.INFO, CheckStatus.WARN, true,
            "Key columns first make a table easier to read; a convention, not a performance rule."),
    TABLES_WHERE_ALL_COLUMNS_NULLABLE_EXCEPT_PK(Diagnostic.TABLES_WHERE_ALL_COLUMNS_NULLABLE_EXCEPT_PK,
            "Tables where every column but the key is nullable", Severity.MINOR, CheckStatus.WARN, true,
            "A table without a single NOT NULL column enforces nothing about its rows."),
    COLUMNS_WITH_CHAR_TYPE(Diagnostic.COLUMNS_WITH_CHAR_TYPE, "Columns of type char(n)", Severity.MINOR, CheckStatus.WARN,
            false,
            "char(n) pads with blanks and is never faster than text in PostgreSQL."),
    TABLES_WITH_INHERITANCE(Diagnostic.TABLES_WITH_INHERITANCE, "Tables using inheritance", Severity.MINOR,
            CheckStatus.WARN, false,
            "Table inheritance does not carry unique rules or foreign keys to the children; declarative partitioning "
                    + "is the supported way.");

    private final Diagnostic diagnostic;
    private final String title;
    private final Severity severity;
    private final CheckStatus whenFound;
    private final boolean skipBookkeeping;
    private final String why;

    HealthDiagnostic(Diagnostic diagnostic, String title, Severity severity, CheckStatus whenFound, boolean skipBookkeeping,
                     String why) {
        this.diagnostic = diagnostic;
        this.title = title;
        this.severity = severity;
        this.whenFound = whenFound;
        this.skipBookkeeping = skipBookkeeping;
        this.why = why;
    }

    /**
     * The library's diagnostics that an older, hand-written catalogue entry runs (through the library
     * all the same), and that entry's id.
     *
     * @return diagnostic to catalogue id
     */
    public static Map<Diagnostic, CheckId> covered() {
        return Map.of(Diagnostic.INVALID_INDEXES, CheckId.INVALID_INDEXES,
                Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX, CheckId.FK_WITHOUT_INDEX,
                Diagnostic.DUPLICATED_INDEXES, CheckId.DUPLICATE_INDEXES);
    }

    /**
     * @param diagnostic one of the library's diagnostics
     * @return Mluv's entry for it; empty for the {@link #covered()} ones
     */
    public static Optional<HealthDiagnostic> of(Diagnostic diagnostic) {
        return Arrays.stream(values()).filter(d -> d.diagnostic == diagnostic).findFirst();
    }

    /** @return the catalogue id: the diagnostic's name in lower case with hyphens, UNUSED_INDEXES as {@code rarely-used-indexes} */
    public CheckId id() {
        return this == UNUSED_INDEXES ? new CheckId("rarely-used-indexes") : CheckId.ofConstant(diagnostic.name());
    }

    /** @return the library's diagnostic */
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /** @return what is checked, for a person */
    public String title() {
        return title;
    }

    /** @return how much a finding matters */
    public Severity severity() {
        return severity;
    }

    /** @return WARN or FAIL: the status when the library finds something */
    public CheckStatus whenFound() {
        return whenFound;
    }

    /** @return whether Mluv's bookkeeping tables (refresh log, console, history, rollback backups) are left out */
    public boolean skipBookkeeping() {
        return skipBookkeeping;
    }

    /** @return why it matters */
    public String why() {
        return why;
    }

    /**
     * @return what an operator does about a finding (the statement, usually in a migration); never
     *         blank: the switch names every diagnostic
     */
    public String fix() {
        return switch (this) {
            case BLOATED_INDEXES ->
                    "`REINDEX INDEX CONCURRENTLY <index>` (no write lock; needs free disk for a second copy while it runs).";
            case BLOATED_TABLES ->
                    "`VACUUM (ANALYZE) <table>` makes the dead space reusable; to give it back to the disk without a long exclusive lock use pg_repack (VACUUM FULL locks the table for its whole run); then tune autovacuum for the table.";
            case INDEXES_WITH_NULL_VALUES ->
                    "Make it partial in a migration: `CREATE INDEX CONCURRENTLY ... WHERE <column> IS NOT NULL`, then `DROP INDEX CONCURRENTLY` the old one; keep it when the NULLs are looked up on purpose (idx_saved_words_review).";
            case INTERSECTED_INDEXES ->
                    "When one index's columns lead the other's and nothing needs it alone (no constraint, no index-only scan), drop it in a migration with `DROP INDEX CONCURRENTLY <index>`; otherwise keep both (Mluv's pair is by design).";
            case TABLES_WITH_MISSING_INDEXES ->
                    "EXPLAIN the queries on the table (slow-queries, suggested-indexes) and add the index they need in a migration with `CREATE INDEX CONCURRENTLY`; on a small table, nothing.";
            case TABLES_WITHOUT_PRIMARY_KEY ->
                    "Add one in a migration: `CREATE UNIQUE INDEX CONCURRENTLY <index> ON <table> (<key columns>)`, then `ALTER TABLE <table> ADD CONSTRAINT <table>_pkey PRIMARY KEY USING INDEX <index>` (or add an identity column).";
            case UNUSED_INDEXES ->
                    "As for unused-indexes: after a week or more of production traffic, drop it in a migration with `DROP INDEX CONCURRENTLY <index>` (its rollback script re-creates it).";
            case TABLES_WITHOUT_DESCRIPTION ->
                    "Add `COMMENT ON TABLE <table> IS '...'` in a migration.";
            case COLUMNS_WITHOUT_DESCRIPTION ->
                    "Add `COMMENT ON COLUMN <table>.<column> IS '...'` in a migration (units and meaning).";
            case COLUMNS_WITH_JSON_TYPE ->
                    "In a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE jsonb USING <column>::jsonb` (rewrites the table under an exclusive lock: plan a window, or add a jsonb column, backfill in batches and swap).";
            case COLUMNS_WITH_SERIAL_TYPES ->
                    "In a migration, drop the column's default and its sequence (`ALTER TABLE <table> ALTER COLUMN <column> DROP DEFAULT; DROP SEQUENCE <sequence>`), keeping the integer type.";
            case FUNCTIONS_WITHOUT_DESCRIPTION ->
                    "Add `COMMENT ON FUNCTION <function>(<argument types>) IS '...'` in a migration; an extension's functions stop being listed when the extension lives in its own schema.";
            case INDEXES_WITH_BOOLEAN ->
                    "Replace it in a migration by a partial index on the rare value: `CREATE INDEX CONCURRENTLY ... WHERE <flag>`, then `DROP INDEX CONCURRENTLY` the old one.";
            case NOT_VALID_CONSTRAINTS ->
                    "In a migration: `ALTER TABLE <table> VALIDATE CONSTRAINT <constraint>` (a SHARE UPDATE EXCLUSIVE lock only: writes go on); fix or delete the rows that break it first.";
            case BTREE_INDEXES_ON_ARRAY_COLUMNS ->
                    "Replace it in a migration by a GIN index: `CREATE INDEX CONCURRENTLY ... USING gin (<column>)`, then `DROP INDEX CONCURRENTLY` the B-tree.";
            case SEQUENCE_OVERFLOW ->
                    "Move the sequence and its column to bigint now, in a migration: `ALTER SEQUENCE <sequence> AS bigint` and `ALTER TABLE <table> ALTER COLUMN <column> TYPE bigint` (a rewrite under lock: for a large table add a bigint column, backfill in batches and swap).";
            case PRIMARY_KEYS_WITH_SERIAL_TYPES ->
                    "Optional, in a migration: `ALTER TABLE <table> ALTER COLUMN <key> DROP DEFAULT`, `DROP SEQUENCE <sequence>`, `ALTER TABLE <table> ALTER COLUMN <key> ADD GENERATED BY DEFAULT AS IDENTITY (START WITH <max + 1>)`.";
            case DUPLICATED_FOREIGN_KEYS ->
                    "Drop one of the two in a migration: `ALTER TABLE <table> DROP CONSTRAINT <constraint>`.";
            case INTERSECTED_FOREIGN_KEYS ->
                    "Keep the foreign key that states the rule and drop the other in a migration: `ALTER TABLE <table> DROP CONSTRAINT <constraint>`.";
            case POSSIBLE_OBJECT_NAME_OVERFLOW ->
                    "Rename it to a shorter name in a migration (`ALTER INDEX ... RENAME TO ...`, `ALTER TABLE ... RENAME CONSTRAINT ... TO ...`).";
            case TABLES_NOT_LINKED_TO_OTHERS ->
                    "Link it with a foreign key in a migration when its rows belong to another table's; drop it when it is a leftover; otherwise nothing.";
            case FOREIGN_KEYS_WITH_UNMATCHED_COLUMN_TYPE ->
                    "Give the referencing column the referenced key's type in a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE <key type>` (a rewrite under lock: for a large table add a column, backfill in batches and swap).";
            case TABLES_WITH_ZERO_OR_ONE_COLUMN ->
                    "Merge it into the table it belongs to, or drop it, in a migration.";
            case OBJECTS_NOT_FOLLOWING_NAMING_CONVENTION ->
                    "Rename it to lower_snake_case in a migration (`ALTER ... RENAME TO ...`) together with the code that quotes it.";
            case COLUMNS_NOT_FOLLOWING_NAMING_CONVENTION ->
                    "In a migration: `ALTER TABLE <table> RENAME COLUMN \"<Column>\" TO <column>`, together with the code that reads it.";
            case PRIMARY_KEYS_WITH_VARCHAR ->
                    "Convert the key and every column that references it to uuid in a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE uuid USING <column>::uuid` (a rewrite under lock: plan a window).";
            case COLUMNS_WITH_FIXED_LENGTH_VARCHAR ->
                    "Optional, in a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE text` (no rewrite) and, where the length is a rule, `ADD CONSTRAINT ... CHECK (length(<column>) <= <n>) NOT VALID` followed by `VALIDATE CONSTRAINT`.";
            case INDEXES_WITH_UNNECESSARY_WHERE_CLAUSE ->
                    "Re-create it without the WHERE in a migration: `CREATE INDEX CONCURRENTLY` the plain index, then `DROP INDEX CONCURRENTLY` the partial one.";
            case PRIMARY_KEYS_THAT_MOST_LIKELY_NATURAL_KEYS ->
                    "Optional: add a surrogate identity key in a migration and keep the natural key as a UNIQUE constraint.";
            case COLUMNS_WITH_MONEY_TYPE ->
                    "In a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE numeric(19, 4)` (a rewrite under lock: plan a window).";
            case INDEXES_WITH_TIMESTAMP_IN_THE_MIDDLE ->
                    "Build an index with the equality columns first and the timestamp last (`CREATE INDEX CONCURRENTLY`, then `DROP INDEX CONCURRENTLY` the old one), unless the column after the timestamp is a tie-breaker, as in Mluv's keyset indexes: then nothing.";
            case COLUMNS_WITH_TIMESTAMP_OR_TIMETZ_TYPE ->
                    "In a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE timestamptz USING <column> AT TIME ZONE '<zone the values were written in>'` (a rewrite under lock: plan a window).";
            case TABLES_WHERE_PRIMARY_KEY_COLUMNS_NOT_FIRST ->
                    "Nothing urgent: PostgreSQL cannot reorder columns in place; put the key columns first when the table is next re-created.";
            case TABLES_WHERE_ALL_COLUMNS_NULLABLE_EXCEPT_PK ->
                    "Add NOT NULL where the data requires it, in a migration: `ADD CONSTRAINT <c> CHECK (<column> IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT <c>`, then `ALTER COLUMN <column> SET NOT NULL` (no full scan under the exclusive lock).";
            case COLUMNS_WITH_CHAR_TYPE ->
                    "In a migration: `ALTER TABLE <table> ALTER COLUMN <column> TYPE text` (trailing blanks are dropped; a rewrite under lock).";
            case TABLES_WITH_INHERITANCE ->
                    "Move to declarative partitioning in a planned migration: `CREATE TABLE ... PARTITION BY ...`, then `ALTER TABLE ... ATTACH PARTITION` each child.";
        };
    }
}
