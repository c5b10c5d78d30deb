package cz.mluv.migrations.deploy;

/**
 * The rules of {@code deploy lint}: each names a way a migration can block writers on a live
 * database or lose data, why it does, and the safe rewrite.
 *
 * <p>Sources: PostgreSQL's documentation of the lock each statement takes (ALTER TABLE, CREATE
 * INDEX, "Explicit Locking") and of table rewrites (ALTER TABLE notes: a volatile default or a type
 * change rewrites the table; SET NOT NULL scans it unless a validated CHECK proves it, since
 * PostgreSQL 12), and the rules of squawk, the PostgreSQL migration linter, that Mluv's test
 * command also runs.
 */
public enum LintRule {

    /** CREATE/DROP INDEX or REINDEX without CONCURRENTLY on a table the migration did not create. */
    INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently",
            "a plain CREATE INDEX holds a SHARE lock (DROP INDEX and REINDEX an ACCESS EXCLUSIVE one) for the whole build: "
                    + "every insert, update and delete on the table waits",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS / DROP INDEX CONCURRENTLY IF EXISTS / REINDEX INDEX CONCURRENTLY, "
                    + "alone in a script of their own (Flyway then runs it outside a transaction)"),
    /** A script holding CONCURRENTLY statements and transactional ones. */
    CONCURRENTLY_MIXED("concurrently-mixed",
            "Flyway runs a script with a CONCURRENTLY statement outside a transaction: the other statements of the script "
                    + "then commit one by one (a failure leaves half a migration), or the script fails without mixed=true",
            "move the CONCURRENTLY statements into a migration of their own"),
    /** ADD COLUMN with a volatile DEFAULT (random(), clock_timestamp(), gen_random_uuid(), nextval(), ...). */
    ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default",
            "a volatile default is evaluated for every existing row: PostgreSQL rewrites the whole table under an "
                    + "ACCESS EXCLUSIVE lock (a constant or now() default is stored once, without a rewrite)",
            "ADD COLUMN without the default (or with a constant one), SET DEFAULT for new rows, then backfill the old rows "
                    + "in batches"),
    /** ADD COLUMN ... NOT NULL without a DEFAULT on an existing table. */
    ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default",
            "the existing rows would hold NULL: the statement fails on a table with rows, after queueing behind its lock",
            "ADD COLUMN nullable (or with a constant DEFAULT), backfill in batches, then SET NOT NULL behind a validated "
                    + "CHECK (col IS NOT NULL)"),
    /** ADD COLUMN ... GENERATED ALWAYS AS (...) STORED on an existing table. */
    ADD_COLUMN_STORED_GENERATED("add-column-stored-generated",
            "a stored generated column is computed for every existing row: a full table rewrite under an ACCESS EXCLUSIVE lock",
            "ADD COLUMN as a plain nullable column, fill new rows with a trigger or the writer, backfill old rows in batches"),
    /** ALTER COLUMN ... SET NOT NULL without a validated CHECK (col IS NOT NULL). */
    SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check",
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) "
                    + "already proves it (PostgreSQL 12 and later)",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; in a later migration VALIDATE CONSTRAINT c; then "
                    + "SET NOT NULL (instant) and DROP CONSTRAINT c"),
    /** ADD FOREIGN KEY or CHECK on an existing table without NOT VALID. */
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid",
            "adding a FOREIGN KEY or CHECK checks every existing row while holding a lock that blocks writers "
                    + "(a FOREIGN KEY also locks the referenced table)",
            "ADD CONSTRAINT ... NOT VALID (instant), then VALIDATE CONSTRAINT in a later migration (it takes a lock that "
                    + "lets writers go on)"),
    /** A NOT VALID constraint that no migration validates, or validated in the same transaction. */
    CONSTRAINT_NOT_VALIDATED_LATER("constraint-not-validated-later",
            "a NOT VALID constraint is not enforced for old rows until VALIDATE CONSTRAINT runs; validated in the same "
                    + "transaction, the validation runs under the ADD's ACCESS EXCLUSIVE lock and NOT VALID gains nothing",
            "VALIDATE CONSTRAINT in a later migration"),
    /** ALTER COLUMN ... TYPE on an existing table. */
    ALTER_COLUMN_TYPE("alter-column-type",
            "changing a column's type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, unless the types "
                    + "are binary-coercible (e.g. varchar(n) to text or to a longer varchar)",
            "add a column of the new type, backfill in batches, switch readers and writers, drop the old column later; "
                    + "silence this rule only for a binary-coercible change, saying so"),
    /** DROP TABLE or DROP COLUMN whose loss the migration's rollback note does not name. */
    DROP_WITHOUT_ROLLBACK_NOTE("drop-without-rollback-note",
            "the dropped rows or values are gone for good: the migration's rollback cannot bring them back unless its plan "
                    + "says how",
            "name the dropped table or column, and how its data comes back (backup, re-derivation), in the migration's "
                    + "rollback metadata (<version>.rollback) and header"),
    /** A V script without its R script. */
    MISSING_ROLLBACK_SCRIPT("missing-rollback-script",
            "without db/rollback/R<version>__<description>.sql, `deploy rollback` refuses to go below this version",
            "write db/rollback/R<version>__<description>.sql (idempotent: IF EXISTS)"),
    /** A V script without its risk, expected duration or rollback plan in the metadata. */
    MISSING_METADATA("missing-metadata",
            "status, history and dry-run show each migration's risk, expected duration and rollback plan to the operator "
                    + "before it runs",
            "add <version>.risk, <version>.expected-duration, <version>.at-table-size and <version>.rollback to "
                    + "db/migration-metadata.properties"),
    /** A silencing comment that gives no reason. */
    SILENCE_WITHOUT_REASON("silence-without-reason",
            "a silenced finding must say why it is safe, so that the next reader can judge it",
            "-- mluv-lint: ignore <rule-id> because <reason>");

    private final String id;
    private final String why;
    private final String rewrite;

    LintRule(String id, String why, String rewrite) {
        this.id = id;
        this.why = why;
        this.rewrite = rewrite;
    }

    /** @return the rule's id, as printed and as named in a silencing comment, e.g. {@code index-without-concurrently} */
    public String id() {
        return id;
    }

    /** @return why the rule exists: what the statement does to a live database */
    public String why() {
        return why;
    }

    /** @return the safe way to write the same change */
    public String rewrite() {
        return rewrite;
    }

    /**
     * @param id a rule id
     * @return the rule, or {@code null} for an unknown id
     */
    static LintRule ofId(String id) {
        for (LintRule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }
}
