package cz.mluv.migrations.deploy;

/**
 * {@link SafeMigration} refused to migrate, or migrated but left indexes broken.
 *
 * <p>Flyway's own failures (a migration's SQL failed, validation failed) are not wrapped: they
 * arrive as {@link org.flywaydb.core.api.FlywayException}.
 */
public final class SafeMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the migration stopped. */
    public enum Reason {
        /**
         * The schema history holds a FAILED row (a migration that failed outside a transaction, e.g.
         * a concurrent index build that hit {@code lock_timeout}) and retrying was not asked for.
         * Nothing was changed.
         */
        FAILED_MIGRATION_IN_HISTORY,
        /**
         * Retrying was asked for, but a failed migration's script holds a statement that is not safe
         * to run twice, or its script is not on the classpath. Nothing was changed.
         */
        NOT_RETRYABLE,
        /**
         * The migrations were applied, but an INVALID index could not be rebuilt or a missing expected
         * index could not be restored (e.g. lock timeout, duplicate rows for a UNIQUE index).
         */
        INDEXES_LEFT_BROKEN
    }

    private final Reason reason;

    SafeMigrationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the migration stopped */
    public Reason reason() {
        return reason;
    }

    /** @return whether the database was left as it was found ({@link Reason#FAILED_MIGRATION_IN_HISTORY}, {@link Reason#NOT_RETRYABLE}) */
    public boolean changedNothing() {
        return reason != Reason.INDEXES_LEFT_BROKEN;
    }
}
