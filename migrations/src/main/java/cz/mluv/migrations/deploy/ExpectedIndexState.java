package cz.mluv.migrations.deploy;

/**
 * Whether one expected index is in the database.
 *
 * @param index   what the migration declares
 * @param present whether an index of that name exists in the current schema
 * @param valid   whether it is valid ({@code pg_index.indisvalid}); {@code false} when absent
 */
public record ExpectedIndexState(ExpectedIndex index, boolean present, boolean valid) {
}
