package cz.mluv.db.testing;

import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import cz.mluv.migrations.embedded.EmbeddedStandby;
import cz.mluv.migrations.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A primary and one streaming hot standby, shared by the replica tests of a JVM: an embedded
 * PostgreSQL 18 primary of its own (fresh directory, fsync off, {@code synchronous_commit = on} so
 * that a commit's WAL is written when it returns) and an {@link EmbeddedStandby} of it made by a
 * base backup, with a physical replication slot. The {@code postgres} database of the primary is
 * migrated and holds demo data ({@link #SIZE}); the standby has it through replication.
 *
 * <p>Tests that stop the standby or pause its replay restore it ({@link #restore()}) before they
 * end. A JVM shutdown hook stops both servers and deletes their directories and the slot.
 */
public final class ReplicatedDatabase {

    /** The demo data of the pair: 1,500 users, 30,000 messages. */
    public static final DemoDataSize SIZE = new DemoDataSize(1_500, 30_000, 11);

    private static volatile ReplicatedDatabase instance;

    private final Path dir;
    private final EmbeddedPostgresServer primaryServer;
    private final EmbeddedStandby standby;

    private ReplicatedDatabase(Path dir, EmbeddedPostgresServer primaryServer, EmbeddedStandby standby) {
        this.dir = dir;
        this.primaryServer = primaryServer;
        this.standby = standby;
    }

    /** @return the shared pair, started, migrated and loaded on first use */
    public static ReplicatedDatabase get() {
        ReplicatedDatabase db = instance;
        if (db == null) {
            synchronized (ReplicatedDatabase.class) {
                db = instance;
                if (db == null) {
                    db = start();
                    instance = db;
                    ReplicatedDatabase started = db;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "replicated-postgres-stop"));
                }
            }
        }
        return db;
    }

    private static ReplicatedDatabase start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("mluv-test-replicated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgresServer primary = EmbeddedPostgresServer.start(dir.resolve("primary"), false, 0,
                Map.of("synchronous_commit", "on"));
        try {
            TestPostgres.Database db = database(primary.jdbcUrl("postgres"));
            exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            Migrations.migrate(db.dataSource());
            new DemoDataGenerator(db.dataSource(), s -> { }).load(SIZE);
            exec(db, "ANALYZE");
            EmbeddedStandby standby = EmbeddedStandby.start(primary, dir.resolve("standby"), 0, "mluv_test_replica", false);
            ReplicatedDatabase pair = new ReplicatedDatabase(dir, primary, standby);
            pair.awaitReplay();
            return pair;
        } catch (SQLException | RuntimeException e) {
            primary.close();
            throw new IllegalStateException("primary + standby did not start", e);
        }
    }

    private static TestPostgres.Database database(String url) {
        return new TestPostgres.Database("postgres", url, EmbeddedPostgresServer.USER, "");
    }

    /** @return the primary's {@code postgres} database */
    public TestPostgres.Database primary() {
        return database(primaryServer.jdbcUrl("postgres"));
    }

    /** @return the standby's {@code postgres} database (read-only) */
    public TestPostgres.Database replica() {
        return database(standby.jdbcUrl("postgres"));
    }

    /** @return the standby, to stop and start it */
    public EmbeddedStandby standby() {
        return standby;
    }

    /** Waits (up to 60 s) until the standby has replayed everything the primary wrote. */
    public void awaitReplay() {
        standby.awaitReplay(Duration.ofSeconds(60));
    }

    /**
     * Pauses WAL replay on the standby ({@code pg_wal_replay_pause()}): it keeps receiving WAL and
     * serving reads, of data as old as the pause.
     *
     * @throws SQLException when the standby refuses
     */
    public void pauseReplay() throws SQLException {
        exec(replica(), "SELECT pg_wal_replay_pause()");
    }

    /** @throws SQLException when the standby refuses {@code pg_wal_replay_resume()} */
    public void resumeReplay() throws SQLException {
        exec(replica(), "SELECT pg_wal_replay_resume()");
    }

    /**
     * Writes on the primary (a row in {@code replica_test_writes}, created on first use): WAL the
     * standby has to replay.
     *
     * @throws SQLException when the primary refuses
     */
    public void write() throws SQLException {
        exec(primary(), "CREATE TABLE IF NOT EXISTS replica_test_writes (id bigint GENERATED ALWAYS AS IDENTITY, at timestamptz DEFAULT now())");
        exec(primary(), "INSERT INTO replica_test_writes DEFAULT VALUES");
    }

    /**
     * Brings the pair back to health after a test: the standby running, replay resumed, caught up.
     */
    public void restore() {
        standby.start();
        try {
            if ("t".equals(one(replica(), "SELECT pg_is_wal_replay_paused()"))) {
                resumeReplay();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resume replay", e);
        }
        awaitReplay();
    }

    /**
     * @param db       a server of the pair
     * @param fragment a piece of the statement text (pg_stat_statements' normalised form)
     * @return how many times that server executed statements containing it (pg_stat_statements)
     * @throws SQLException when the view cannot be read
     */
    public static long calls(TestPostgres.Database db, String fragment) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '%' || ? || '%'"
                             + " AND query NOT LIKE '%pg_stat_statements%'")) {
            ps.setString(1, fragment);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * @param db  a server of the pair
     * @param sql a query
     * @return the first column of its first row as text; {@code null} when it has none
     * @throws SQLException when the query fails
     */
    public static String one(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * @param db  a server of the pair
     * @param sql a statement
     * @throws SQLException when it fails
     */
    public static void exec(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void close() {
        standby.close();
        primaryServer.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("replicated test database: " + dir + " not deleted: " + e.getMessage());
        }
    }
}
