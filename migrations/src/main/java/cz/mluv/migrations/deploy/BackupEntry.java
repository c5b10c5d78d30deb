package cz.mluv.migrations.deploy;

import java.util.List;

/**
 * One row of a backup schema's manifest: the rows of one dropped table, or the key and values of
 * one dropped column.
 *
 * @param sourceSchema the schema of the dropped table, unquoted
 * @param sourceTable  the dropped table (or the table of the dropped column), unquoted
 * @param sourceColumn the dropped column, unquoted; {@code null} for a whole table
 * @param backupTable  the copy in the backup schema, unquoted
 * @param columns      the columns copied, unquoted, in table order; for a column: the key columns, then it
 * @param keyColumns   the source's primary key columns, unquoted; empty when it has none
 * @param rowCount     rows copied (for a column: rows where it was not null)
 * @param checksum     {@link RowChecksum} of the copied rows over {@code columns}
 */
record BackupEntry(String sourceSchema, String sourceTable, String sourceColumn, String backupTable, List<String> columns,
                   List<String> keyColumns, long rowCount, String checksum) {

    /** Copies the lists. */
    BackupEntry {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    /** @return {@code true} for a dropped column, {@code false} for a whole table */
    boolean column() {
        return sourceColumn != null;
    }

    /** @return e.g. {@code public.admin_user} or {@code public.users.nickname} */
    String name() {
        return sourceSchema + "." + sourceTable + (sourceColumn == null ? "" : "." + sourceColumn);
    }
}
