package cz.mluv.migrations.deploy;

/**
 * A table, column or view that a rollback step drops and that exists now, with its rows.
 *
 * @param step   the rollback step whose script drops it
 * @param kind   table, column, view or materialized view (from the catalog, not from the statement)
 * @param schema its schema, unquoted
 * @param table  the table or view, unquoted
 * @param column for a column: its name, unquoted; else {@code null}
 * @param rows   rows now: for a column, rows where it is not null; 0 for a never-populated materialized view
 */
record StakedObject(RollbackStep step, DropStatements.Kind kind, String schema, String table, String column, long rows) {

    /** @return {@code true} for a view or materialized view: its rows are derived from other tables */
    boolean derived() {
        return kind == DropStatements.Kind.VIEW || kind == DropStatements.Kind.MATERIALIZED_VIEW;
    }

    /** @return {@code true} when dropping it deletes stored rows (a table or column holding any) */
    boolean dataLoss() {
        return !derived() && rows > 0;
    }

    /** @return e.g. {@code public.admin_user} or {@code public.users.username} */
    String name() {
        return schema + "." + table + (column == null ? "" : "." + column);
    }

    /** @return e.g. {@code 1 row}, {@code 2 rows} */
    static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    /** @return e.g. {@code table public.admin_user: 2 rows} */
    String describe() {
        String what = switch (kind) {
            case TABLE -> "table";
            case COLUMN -> "column";
            case VIEW -> "view";
            case MATERIALIZED_VIEW -> "materialized view";
        };
        String count = rows(rows) + (kind == DropStatements.Kind.COLUMN ? " not null" : "");
        String note = switch (kind) {
            case MATERIALIZED_VIEW -> " (derived, not data loss: migrate re-creates it and REFRESH recomputes its rows)";
            case VIEW -> " (derived, not data loss: migrate re-creates it)";
            default -> "";
        };
        return what + " " + name() + ": " + count + note;
    }
}
