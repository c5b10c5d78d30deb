package cz.mluv.migrations.deploy;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Saves the rows a rollback would drop into a new schema of the same database,
 * {@code mluv_backup_<yyyyMMdd_HHmmss>} (UTC), before any drop: one {@code CREATE TABLE ... AS SELECT}
 * per dropped table (all its stored columns) or dropped column (primary key + the column, rows where
 * it is not null), and the manifest table {@value #MANIFEST} (source, columns, key, row count,
 * {@link RowChecksum}, from/to versions, created_at, restored_at), all in one transaction.
 * Nothing ever drops a backup schema: {@link Restore} reads it, the operator drops it.
 */
final class Backup {

    /** The manifest table inside every backup schema. */
    static final String MANIFEST = "mluv_backup_manifest";
    /** Names of backup schemas. */
    static final Pattern SCHEMA_NAME = Pattern.compile("mluv_backup_\\d{8}_\\d{6}(_\\d+)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final String MANIFEST_DDL = """
            CREATE TABLE %s (
                id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source_schema text        NOT NULL,
                source_table  text        NOT NULL,
                source_column text,
                backup_table  text        NOT NULL UNIQUE,
                columns       text[]      NOT NULL,
                key_columns   text[]      NOT NULL,
                row_count     bigint      NOT NULL CHECK (row_count >= 0),
                checksum      text        NOT NULL,
                from_version  text,
                to_version    text        NOT NULL,
                dropped_by    text        NOT NULL,
                created_at    timestamptz NOT NULL DEFAULT now(),
                restored_at   timestamptz
            )""";
    private static final String STORED_COLUMNS = """
            SELECT a.attname FROM pg_attribute a
            WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY a.attnum""";
    private static final String PRIMARY_KEY = """
            SELECT a.attname FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = to_regclass(?) AND i.indisprimary
            ORDER BY k.pos""";

    /**
     * A saved backup.
     *
     * @param schema  the backup schema, unquoted
     * @param entries what it holds, in the order the objects are dropped
     */
    record Saved(String schema, List<BackupEntry> entries) {

        /** @return the rows saved, all entries together */
        long rows() {
            return entries.stream().mapToLong(BackupEntry::rowCount).sum();
        }
    }

    private Backup() {
    }

    /**
     * Creates the backup schema and copies the rows of every object that loses data, in one
     * REPEATABLE READ transaction that first locks the source tables against writes ({@code SHARE}).
     *
     * @param c       a connection in auto-commit mode (left so)
     * @param lost    the objects whose rows a rollback drops ({@link StakedObject#dataLoss()})
     * @param from    the current version, or {@code null}
     * @param to      the version the rollback ends at
     * @param clock   for the schema name
     * @return the backup
     * @throws DeployException (usage) for a column of a table without a primary key
     * @throws SQLException    when a copy fails: the transaction is rolled back, nothing is left behind
     */
    static Saved save(Connection c, List<StakedObject> lost, String from, String to, Clock clock) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            RowChecksum.stableTextForms(c);
            for (StakedObject o : lost) {
                execute(c, "LOCK TABLE " + Identifiers.qualified(c, o.schema(), o.table()) + " IN SHARE MODE");
            }
            String schema = freeSchemaName(c, STAMP.format(clock.instant()));
            String quotedSchema = Identifiers.qualified(c, schema);
            execute(c, "CREATE SCHEMA " + quotedSchema);
            execute(c, MANIFEST_DDL.formatted(Identifiers.qualified(c, schema, MANIFEST)));
            List<BackupEntry> entries = new ArrayList<>();
            Set<String> used = new HashSet<>(Set.of(MANIFEST));
            for (StakedObject o : lost) {
                BackupEntry entry = copy(c, schema, o, backupTableName(o, used));
                insertManifest(c, schema, entry, from, to, o.step().label());
                entries.add(entry);
            }
            comment(c, quotedSchema, "Rows saved by mluv-deploy rollback from " + from + " to " + to
                    + " before dropping them. Restore after migrate: ./mluv deploy restore --from " + schema + ". "
                    + "Never dropped automatically.");
            c.commit();
            return new Saved(schema, List.copyOf(entries));
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    /**
     * Inside a rollback step's transaction, before its drops: locks the source of each entry
     * ({@code ACCESS EXCLUSIVE}, which the drop takes anyway) and checks that its rows are still
     * the ones saved, so no row written after the backup is dropped unseen.
     *
     * @param c       the step's connection
     * @param entries the entries whose objects this step drops
     * @param step    for the message
     * @throws DeployException (failed) naming the object whose rows changed
     * @throws SQLException    when the lock or the read fails
     */
    static void checkUnchanged(Connection c, List<BackupEntry> entries, RollbackStep step) throws SQLException {
        RowChecksum.stableTextForms(c);
        for (BackupEntry e : entries) {
            String table = Identifiers.qualified(c, e.sourceSchema(), e.sourceTable());
            execute(c, "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            String where = e.column() ? "t." + Identifiers.qualified(c, e.sourceColumn()) + " IS NOT NULL" : null;
            RowChecksum now = RowChecksum.of(c, table, Identifiers.each(c, e.columns()), where);
            if (!now.md5().equals(e.checksum())) {
                throw DeployException.failed("the rows of " + e.name() + " changed after the backup was taken ("
                        + e.rowCount() + " saved, " + now.rows() + " now): " + step.label() + " was not rolled back; "
                        + "stop the writers and run the rollback again (it takes a new backup)", null);
            }
        }
    }

    private static BackupEntry copy(Connection c, String schema, StakedObject o, String backupTable) throws SQLException {
        String source = Identifiers.qualified(c, o.schema(), o.table());
        List<String> key = names(c, PRIMARY_KEY, source);
        List<String> columns;
        String where = null;
        if (o.column() == null) {
            columns = names(c, STORED_COLUMNS, source);
        } else {
            if (key.isEmpty()) {
                throw DeployException.usage("cannot back up column " + o.name() + ": its table has no primary key to "
                        + "restore it by; nothing was changed");
            }
            columns = new ArrayList<>(key);
            columns.add(o.column());
            where = "t." + Identifiers.qualified(c, o.column()) + " IS NOT NULL";
        }
        List<String> quoted = Identifiers.each(c, columns);
        String target = Identifiers.qualified(c, schema, backupTable);
        execute(c, "CREATE TABLE " + target + " AS SELECT " + String.join(", ", quoted.stream().map(q -> "t." + q).toList())
                + " FROM " + source + " t" + (where == null ? "" : " WHERE " + where));
        RowChecksum sum = RowChecksum.of(c, target, quoted, null);
        return new BackupEntry(o.schema(), o.table(), o.column(), backupTable, columns, key, sum.rows(), sum.md5());
    }

    private static void insertManifest(Connection c, String schema, BackupEntry e, String from, String to, String step)
            throws SQLException {
        String sql = "INSERT INTO " + Identifiers.qualified(c, schema, MANIFEST) + " (source_schema, source_table, source_column,"
                + " backup_table, columns, key_columns, row_count, checksum, from_version, to_version, dropped_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array columns = c.createArrayOf("text", e.columns().toArray());
            Array key = c.createArrayOf("text", e.keyColumns().toArray());
            ps.setString(1, e.sourceSchema());
            ps.setString(2, e.sourceTable());
            ps.setString(3, e.sourceColumn());
            ps.setString(4, e.backupTable());
            ps.setArray(5, columns);
            ps.setArray(6, key);
            ps.setLong(7, e.rowCount());
            ps.setString(8, e.checksum());
            ps.setString(9, from);
            ps.setString(10, to);
            ps.setString(11, step);
            ps.executeUpdate();
        }
    }

    private static void comment(Connection c, String quotedSchema, String text) throws SQLException {
        String sql;
        try (PreparedStatement ps = c.prepareStatement("SELECT format('COMMENT ON SCHEMA %s IS %L', ?::text, ?::text)")) {
            ps.setString(1, quotedSchema);
            ps.setString(2, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        execute(c, sql);
    }

    private static String freeSchemaName(Connection c, String stamp) throws SQLException {
        String base = "mluv_backup_" + stamp;
        for (int n = 1; ; n++) {
            String name = n == 1 ? base : base + "_" + n;
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regnamespace(quote_ident(?)) IS NULL")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return name;
                    }
                }
            }
        }
    }

    // The table's own name; for a column table__column; cut to PostgreSQL's 63 bytes and made unique.
    private static String backupTableName(StakedObject o, Set<String> used) {
        String wanted = o.column() == null ? o.table() : o.table() + "__" + o.column();
        String name = cut(wanted, 63);
        for (int n = 2; !used.add(name); n++) {
            name = cut(wanted, 58) + "_" + n;
        }
        return name;
    }

    private static String cut(String name, int maxBytes) {
        String s = name;
        while (s.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static List<String> names(Connection c, String sql, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, relation);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
