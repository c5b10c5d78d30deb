package cz.mluv.migrations.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the rows of a backup schema ({@link Backup}) back into the tables a later migrate
 * re-created, in one transaction: tables in foreign-key order (parents first, from
 * {@code pg_constraint}) with {@code INSERT ... OVERRIDING SYSTEM VALUE}, then dropped columns by
 * {@code UPDATE ... FROM} on the primary key; then the owned sequences of the restored tables are
 * set to their column's maximum, the copies are verified (row count and {@link RowChecksum}
 * against the manifest) and the manifest rows get {@code restored_at}. The backup schema stays.
 *
 * <p>Refused ({@link DeployException#usage}, nothing changed; {@link RestoreChecks}): no such backup schema; a target
 * table or column missing (migrate first); a backup table no longer matching its manifest; a
 * target already holding rows with a saved key (or, for a table without primary key, any row; for
 * a column, a value on a saved row); a saved column whose row no longer exists.
 */
final class Restore {

    /**
     * What one entry restored.
     *
     * @param entry     the manifest entry
     * @param rows      rows inserted (table) or updated (column)
     * @param sequences   owned sequences set, e.g. {@code public.admin_user_id_seq = 2}
     * @param newIdsAbove with {@code --new-ids}: the rows got new ids from the key's sequence, all above this
     *                    value; {@code null} when the saved ids were kept
     */
    record Restored(BackupEntry entry, long rows, List<String> sequences, Long newIdsAbove) {
    }

    private static final String ENTRIES = """
            SELECT source_schema, source_table, source_column, backup_table, columns, key_columns, row_count, checksum
            FROM %s ORDER BY id""";
    private static final String FOREIGN_KEYS = """
            SELECT conrelid::oid, confrelid::oid FROM pg_constraint
            WHERE contype = 'f' AND conrelid = ANY (?::oid[]) AND confrelid = ANY (?::oid[]) AND conrelid <> confrelid""";
    private static final String OWNED_SEQUENCE = "SELECT pg_get_serial_sequence(?, ?)";

    private Restore() {
    }

    /**
     * @param c      a connection in auto-commit mode (left so)
     * @param schema the backup schema, unquoted
     * @param skip   source tables to leave out, as {@code table} or {@code schema.table}
     * @param newIds source tables whose rows get new ids from their key's sequence instead of the saved ones
     *               (history tables a migrate has started to fill again; only for a single-column key with an
     *               owned sequence that no foreign key references)
     * @return what was restored, in the order it was copied
     * @throws DeployException (usage) when refused, nothing changed; (failed) when a verification fails after the copy
     *                         (the transaction is rolled back)
     * @throws SQLException    when a statement fails (the transaction is rolled back)
     */
    static List<Restored> run(Connection c, String schema, Set<String> skip, Set<String> newIds) throws SQLException {
        c.setAutoCommit(false);
        try {
            RowChecksum.stableTextForms(c);
            List<BackupEntry> entries = entries(c, schema, skip);
            RestoreChecks.refuseMissingTargets(c, entries);
            RestoreChecks.refuseChangedBackups(c, schema, entries);
            Set<BackupEntry> renumbered = RestoreChecks.newIdEntries(c, schema, entries, newIds);
            RestoreChecks.refuseConflicts(c, schema, entries.stream().filter(e -> !renumbered.contains(e)).toList());
            List<Restored> restored = new ArrayList<>();
            for (BackupEntry e : order(c, entries)) {
                restored.add(renumbered.contains(e) ? copyWithNewIds(c, schema, e) : copy(c, schema, e));
            }
            for (Restored r : restored) {
                if (r.newIdsAbove() == null) {
                    verify(c, schema, r.entry());
                } else {
                    verifyWithNewIds(c, schema, r.entry(), r.newIdsAbove());
                }
            }
            markRestored(c, schema, entries);
            c.commit();
            return restored;
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static List<BackupEntry> entries(Connection c, String schema, Set<String> skip) throws SQLException {
        String manifest = Identifiers.qualified(c, schema, Backup.MANIFEST);
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, manifest);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw DeployException.usage("no backup schema " + schema + " (no table " + schema + "." + Backup.MANIFEST
                            + "); list the backups with: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mluv\\_backup\\_%'");
                }
            }
        }
        List<BackupEntry> all = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ENTRIES.formatted(manifest))) {
            while (rs.next()) {
                all.add(new BackupEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Arrays.asList((String[]) rs.getArray(5).getArray()), Arrays.asList((String[]) rs.getArray(6).getArray()),
                        rs.getLong(7), rs.getString(8)));
            }
        }
        Set<String> unknown = new HashSet<>(skip);
        List<BackupEntry> kept = new ArrayList<>();
        for (BackupEntry e : all) {
            boolean skipped = skip.contains(e.sourceTable()) || skip.contains(e.sourceSchema() + "." + e.sourceTable());
            unknown.remove(e.sourceTable());
            unknown.remove(e.sourceSchema() + "." + e.sourceTable());
            if (!skipped) {
                kept.add(e);
            }
        }
        if (!unknown.isEmpty()) {
            throw DeployException.usage("--skip " + String.join(", ", unknown) + ": no such table in backup " + schema
                    + " (it holds " + String.join(", ", all.stream().map(BackupEntry::name).toList()) + "); nothing was restored");
        }
        return kept;
    }

    // Whole tables first, parents before children (Kahn's algorithm on pg_constraint); columns last.
    private static List<BackupEntry> order(Connection c, List<BackupEntry> entries) throws SQLException {
        Map<Long, BackupEntry> byOid = new LinkedHashMap<>();
        for (BackupEntry e : entries) {
            if (!e.column()) {
                byOid.put(oid(c, Identifiers.qualified(c, e.sourceSchema(), e.sourceTable())), e);
            }
        }
        Map<Long, Set<Long>> parents = new HashMap<>();
        byOid.keySet().forEach(oid -> parents.put(oid, new HashSet<>()));
        try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS)) {
            Long[] oids = byOid.keySet().toArray(Long[]::new);
            ps.setArray(1, c.createArrayOf("bigint", oids));
            ps.setArray(2, c.createArrayOf("bigint", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.get(rs.getLong(1)).add(rs.getLong(2));
                }
            }
        }
        List<BackupEntry> ordered = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        while (done.size() < byOid.size()) {
            Long next = byOid.keySet().stream().filter(o -> !done.contains(o) && done.containsAll(parents.get(o))).findFirst()
                    // A foreign-key cycle: take the first left (its constraint decides whether the insert passes).
                    .orElseGet(() -> byOid.keySet().stream().filter(o -> !done.contains(o)).findFirst().orElseThrow());
            done.add(next);
            ordered.add(byOid.get(next));
        }
        entries.stream().filter(BackupEntry::column).forEach(ordered::add);
        return ordered;
    }

    private static Restored copy(Connection c, String schema, BackupEntry e) throws SQLException {
        String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
        String backup = Identifiers.qualified(c, schema, e.backupTable());
        List<String> columns = Identifiers.each(c, e.columns());
        long rows;
        try (Statement st = c.createStatement()) {
            if (e.column()) {
                String column = Identifiers.qualified(c, e.sourceColumn());
                List<String> key = Identifiers.each(c, e.keyColumns());
                rows = st.executeUpdate("UPDATE " + target + " t SET " + column + " = b." + column + " FROM " + backup + " b WHERE "
                        + String.join(" AND ", key.stream().map(k -> "t." + k + " = b." + k).toList()));
            } else {
                // OVERRIDING SYSTEM VALUE: identity columns (GENERATED ALWAYS) take the saved ids.
                rows = st.executeUpdate("INSERT INTO " + target + " (" + String.join(", ", columns) + ") OVERRIDING SYSTEM VALUE SELECT "
                        + String.join(", ", columns) + " FROM " + backup);
            }
        }
        if (rows != e.rowCount()) {
            throw DeployException.failed("restoring " + e.name() + " wrote " + rows + " rows, the backup holds " + e.rowCount()
                    + "; nothing was restored", null);
        }
        return new Restored(e, rows, e.column() ? List.of() : resetSequences(c, target, e.columns()), null);
    }

    // The saved rows in their saved order, every column but the key, which the key's sequence fills.
    private static Restored copyWithNewIds(Connection c, String schema, BackupEntry e) throws SQLException {
        String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
        String backup = Identifiers.qualified(c, schema, e.backupTable());
        String key = Identifiers.qualified(c, e.keyColumns().getFirst());
        List<String> rest = withoutKey(c, e);
        long above;
        long rows;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(" + key + "), 0) FROM " + target)) {
                rs.next();
                above = rs.getLong(1);
            }
            rows = st.executeUpdate("INSERT INTO " + target + " (" + String.join(", ", rest) + ") SELECT " + String.join(", ", rest)
                    + " FROM " + backup + " ORDER BY " + key);
        }
        if (rows != e.rowCount()) {
            throw DeployException.failed("restoring " + e.name() + " wrote " + rows + " rows, the backup holds " + e.rowCount()
                    + "; nothing was restored", null);
        }
        return new Restored(e, rows, List.of(), above);
    }

    private static void verifyWithNewIds(Connection c, String schema, BackupEntry e, long above) throws SQLException {
        String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
        String backup = Identifiers.qualified(c, schema, e.backupTable());
        List<String> rest = withoutKey(c, e);
        RowChecksum saved = RowChecksum.of(c, backup, rest, null);
        RowChecksum now = RowChecksum.of(c, target, rest, "t." + Identifiers.qualified(c, e.keyColumns().getFirst()) + " > " + above);
        if (now.rows() != e.rowCount() || !now.equals(saved)) {
            throw DeployException.failed("verification failed for " + e.name() + " (new ids): expected " + saved.rows() + " rows with checksum "
                    + saved.md5() + ", found " + now.rows() + " with " + now.md5() + "; nothing was restored", null);
        }
    }

    private static List<String> withoutKey(Connection c, BackupEntry e) throws SQLException {
        List<String> rest = new ArrayList<>(e.columns());
        rest.remove(e.keyColumns().getFirst());
        return Identifiers.each(c, rest);
    }

    private static List<String> resetSequences(Connection c, String target, List<String> columns) throws SQLException {
        List<String> set = new ArrayList<>();
        for (String column : columns) {
            String sequence;
            try (PreparedStatement ps = c.prepareStatement(OWNED_SEQUENCE)) {
                ps.setString(1, target);
                ps.setString(2, column);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sequence = rs.getString(1);
                }
            }
            if (sequence == null) {
                continue;
            }
            String sql = "SELECT setval(?::regclass, m) FROM (SELECT max(" + Identifiers.qualified(c, column) + ") AS m FROM "
                    + target + ") s WHERE m IS NOT NULL";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        set.add(sequence + " = " + rs.getLong(1));
                    }
                }
            }
        }
        return set;
    }

    private static void verify(Connection c, String schema, BackupEntry e) throws SQLException {
        String target = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
        String backup = Identifiers.qualified(c, schema, e.backupTable());
        String where = e.keyColumns().isEmpty() ? null : RestoreChecks.keyIn(c, e, backup);
        if (e.column()) {
            where = where + " AND t." + Identifiers.qualified(c, e.sourceColumn()) + " IS NOT NULL";
        }
        RowChecksum now = RowChecksum.of(c, target, Identifiers.each(c, e.columns()), where);
        if (now.rows() != e.rowCount() || !now.md5().equals(e.checksum())) {
            throw DeployException.failed("verification failed for " + e.name() + ": expected " + e.rowCount() + " rows with checksum "
                    + e.checksum() + ", found " + now.rows() + " with " + now.md5() + " (a trigger or default changed them?); "
                    + "nothing was restored", null);
        }
    }

    private static void markRestored(Connection c, String schema, List<BackupEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + Identifiers.qualified(c, schema, Backup.MANIFEST)
                + " SET restored_at = now() WHERE backup_table = ANY (?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", entries.stream().map(BackupEntry::backupTable).toArray()));
            ps.executeUpdate();
        }
    }

    private static long oid(Connection c, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
