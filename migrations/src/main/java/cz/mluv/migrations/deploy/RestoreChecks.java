package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Restore} checks before it copies anything; each check throws
 * {@link DeployException#usage} (exit 2, nothing restored) naming every object that fails it.
 */
final class RestoreChecks {

    private static final String HAS_COLUMNS = """
            SELECT count(*) FROM pg_attribute
            WHERE attrelid = to_regclass(?) AND attname = ANY (?::text[]) AND attnum > 0 AND NOT attisdropped""";

    private RestoreChecks() {
    }

    /** Refuses when a target table, or a saved column of it, does not exist (the schema is below its version). */
    static void refuseMissingTargets(Connection c, List<BackupEntry> entries) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (BackupEntry e : entries) {
            String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
            List<String> needed = new ArrayList<>(e.columns());
            try (PreparedStatement ps = c.prepareStatement(HAS_COLUMNS)) {
                ps.setString(1, target);
                ps.setArray(2, c.createArrayOf("text", needed.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) < needed.size()) {
                        missing.add(e.name());
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw DeployException.usage("cannot restore: " + String.join(", ", missing) + (missing.size() == 1 ? " does" : " do")
                    + " not exist (or lack saved columns): the schema is below the version that creates "
                    + (missing.size() == 1 ? "it" : "them") + "; run ./mluv deploy migrate first, then restore again"
                    + " (or leave a table out with --skip TABLE); nothing was restored");
        }
    }

    /** Refuses when a backup table's rows no longer match the count and checksum in the manifest. */
    static void refuseChangedBackups(Connection c, String schema, List<BackupEntry> entries) throws SQLException {
        for (BackupEntry e : entries) {
            RowChecksum saved = RowChecksum.of(c, Identifiers.qualified(c, schema, e.backupTable()), Identifiers.each(c, e.columns()), null);
            if (saved.rows() != e.rowCount() || !saved.md5().equals(e.checksum())) {
                throw DeployException.usage("backup table " + schema + "." + e.backupTable() + " no longer matches its manifest ("
                        + e.rowCount() + " rows, checksum " + e.checksum() + "; now " + saved.rows() + " rows, checksum "
                        + saved.md5() + "): it was changed after the rollback; nothing was restored");
            }
        }
    }

    private static final String REFERENCED = "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = to_regclass(?)";

    /**
     * The entries of {@code --new-ids}: their rows are inserted without their key, which the key's
     * owned sequence fills. Only for whole tables with a one-column key that has an owned sequence
     * (identity or serial) and that no foreign key references: no other row can point at the old ids.
     *
     * @param c       the restore's connection
     * @param schema  the backup schema (for messages)
     * @param entries the entries to restore
     * @param tables  the tables named by {@code --new-ids}, as {@code table} or {@code schema.table}
     * @return the entries among {@code entries} that get new ids
     * @throws DeployException (usage) naming a table that is not in the backup or does not qualify
     * @throws SQLException    when a catalog read fails
     */
    static Set<BackupEntry> newIdEntries(Connection c, String schema, List<BackupEntry> entries, Set<String> tables) throws SQLException {
        Set<BackupEntry> chosen = new HashSet<>();
        for (String table : tables) {
            BackupEntry e = entries.stream().filter(x -> !x.column()
                            && (table.equals(x.sourceTable()) || table.equals(x.sourceSchema() + "." + x.sourceTable())))
                    .findFirst().orElseThrow(() -> DeployException.usage("--new-ids " + table + ": no such table to restore from "
                            + schema + "; nothing was restored"));
            String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
            boolean sequenced = false;
            if (e.keyColumns().size() == 1) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?) IS NOT NULL")) {
                    ps.setString(1, target);
                    ps.setString(2, e.keyColumns().getFirst());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sequenced = rs.getBoolean(1);
                    }
                }
            }
            long referencing;
            try (PreparedStatement ps = c.prepareStatement(REFERENCED)) {
                ps.setString(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    referencing = rs.getLong(1);
                }
            }
            if (!sequenced || referencing > 0) {
                throw DeployException.usage("--new-ids " + table + ": only for a table whose key is one identity or serial column "
                        + "that no foreign key references (" + e.name() + (sequenced ? " is referenced by " + referencing
                        + " foreign key(s)" : " has no such key") + "); nothing was restored");
            }
            chosen.add(e);
        }
        return chosen;
    }

    /**
     * Refuses when a target already holds a row with a saved primary key (without a key: any row),
     * for a column when a saved row already has a value there or no longer exists.
     */
    static void refuseConflicts(Connection c, String schema, List<BackupEntry> entries) throws SQLException {
        List<String> conflicts = new ArrayList<>();
        for (BackupEntry e : entries) {
            String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
            String backup = Identifiers.qualified(c, schema, e.backupTable());
            if (e.column()) {
                String column = "t." + Identifiers.qualified(c, e.sourceColumn());
                long holding = count(c, "SELECT count(*) FROM " + target + " t WHERE " + column + " IS NOT NULL AND "
                        + keyIn(c, e, backup));
                long present = count(c, "SELECT count(*) FROM " + target + " t WHERE " + keyIn(c, e, backup));
                if (holding > 0) {
                    conflicts.add(e.name() + " already holds values on " + holding + " of the saved rows");
                }
                if (present < e.rowCount()) {
                    conflicts.add(e.name() + ": " + StakedObject.rows(e.rowCount() - present) + " saved no longer exist in " + e.sourceTable());
                }
            } else if (e.keyColumns().isEmpty()) {
                long rows = count(c, "SELECT count(*) FROM " + target);
                if (rows > 0) {
                    conflicts.add(e.name() + " (no primary key) is not empty: " + StakedObject.rows(rows));
                }
            } else {
                long clashing = count(c, "SELECT count(*) FROM " + target + " t WHERE " + keyIn(c, e, backup));
                if (clashing > 0) {
                    conflicts.add(e.name() + " already holds " + StakedObject.rows(clashing) + " with a saved " + String.join(", ", e.keyColumns()));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw DeployException.usage("cannot restore: " + String.join("; ", conflicts) + ". Delete those rows first if they are "
                    + "newer copies you do not need, give a history table's rows new ids with --new-ids TABLE, or leave a table out "
                    + "with --skip TABLE; nothing was restored");
        }
    }

    /**
     * @return {@code (t.k1, t.k2) IN (SELECT b.k1, b.k2 FROM backup b)} for the entry's key, from quoted
     *         names: the target rows (alias {@code t}) whose key the backup holds
     */
    static String keyIn(Connection c, BackupEntry e, String backup) throws SQLException {
        List<String> key = Identifiers.each(c, e.keyColumns());
        return "(" + String.join(", ", key.stream().map(k -> "t." + k).toList()) + ") IN (SELECT "
                + String.join(", ", key.stream().map(k -> "b." + k).toList()) + " FROM " + backup + " b)";
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
