package cz.mluv.migrations.deploy;

import cz.mluv.migrations.deploy.IndexRepair.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds INVALID indexes in the current database and rebuilds them without blocking writers.
 *
 * <p>The deploy tool runs it before and after every migrate: a failed
 * {@code CREATE INDEX CONCURRENTLY} leaves an INVALID index that {@code IF NOT EXISTS} would keep
 * forever. Other modules (the verification catalogue, the admin UI) may use it too.
 *
 * <p>Rebuilds use {@code REINDEX INDEX CONCURRENTLY}, which PostgreSQL refuses inside a transaction:
 * give it a data source whose connections are in auto-commit mode (the JDBC default). Set
 * {@code lock_timeout} on those connections so that a rebuild gives up instead of queueing writers.
 * System schemas ({@code pg_catalog}, {@code pg_toast*}, {@code information_schema}) are left out.
 */
public final class InvalidIndexRepair {

    // An index being built concurrently is INVALID until its build ends: report such tables so
    // that a running build is not "repaired" (progress rows of this database only).
    private static final String FIND = """
            SELECT n.nspname, c.relname, i.indrelid::regclass::text AS table_name,
                   format('%I.%I', n.nspname, c.relname) AS qualified_name,
                   pg_get_indexdef(i.indexrelid) AS definition,
                   EXISTS (SELECT 1 FROM pg_stat_progress_create_index p
                           WHERE p.relid = i.indrelid
                             AND p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())) AS in_progress
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT i.indisvalid
              AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname, c.relname""";

    private final DataSource dataSource;

    /**
     * @param dataSource the database to look at; auto-commit connections
     */
    public InvalidIndexRepair(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Lists the INVALID indexes; changes nothing.
     *
     * @return the INVALID indexes ordered by schema and name; empty when every index is valid
     * @throws SQLException when the catalog cannot be read
     */
    public List<InvalidIndex> find() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FIND)) {
            List<InvalidIndex> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new InvalidIndex(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)));
            }
            return found;
        }
    }

    /**
     * Rebuilds every INVALID index with {@code REINDEX INDEX CONCURRENTLY}, drops the
     * {@code _ccnew}/{@code _ccold} leftovers of failed concurrent reindexes, and leaves indexes
     * whose table has a build in progress alone. One index failing does not stop the others.
     *
     * @return one result per INVALID index found (empty when there was none); check
     *         {@link IndexRepair#failed()}
     * @throws SQLException when the catalog cannot be read or a connection cannot be opened
     */
    public List<IndexRepair> repairAll() throws SQLException {
        List<IndexRepair> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (InvalidIndex index : find()) {
                results.add(repair(c, index));
            }
        }
        return results;
    }

    private IndexRepair repair(Connection c, InvalidIndex index) throws SQLException {
        if (index.buildInProgress()) {
            return new IndexRepair(index, Outcome.SKIPPED_BUILD_IN_PROGRESS, "", "", Duration.ZERO);
        }
        boolean leftover = index.leftoverOfConcurrentReindex();
        String sql = index.repairStatement();
        long started = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return new IndexRepair(index, leftover ? Outcome.DROPPED_LEFTOVER : Outcome.REBUILT, sql, "",
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            dropLeftoversOf(c, index);
            return new IndexRepair(index, Outcome.FAILED, sql, Failure.describe(e), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    // A failed REINDEX CONCURRENTLY leaves its half-built copy <index>_ccnew behind, INVALID:
    // drop it now, so that every failed attempt does not add one more index for writers to maintain.
    private void dropLeftoversOf(Connection c, InvalidIndex index) throws SQLException {
        for (InvalidIndex other : find()) {
            if (other.schema().equals(index.schema()) && other.leftoverOfConcurrentReindex()
                    && other.name().startsWith(index.name() + "_cc") && !other.buildInProgress()) {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + other.qualifiedName());
                } catch (SQLException ignored) {
                    // still INVALID: the next repair finds it and reports it
                }
            }
        }
    }
}
