package cz.mluv.migrations.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hot standby of an {@link EmbeddedPostgresServer}, run from the same PostgreSQL 18 binaries:
 * PostgreSQL's own physical streaming replication, nothing home-made.
 *
 * <p>The zonky binaries have no {@code pg_basebackup}, so the standby is made the way the
 * PostgreSQL manual describes a low-level base backup ("Making a Base Backup Using the Low Level
 * API"): a physical replication slot is created on the primary first (so the primary keeps every
 * WAL segment the standby will need), {@code pg_backup_start(label, fast => true)} is called on a
 * session that stays open, the data directory is copied file by file while the primary keeps
 * running (pages torn by concurrent writes are repaired by WAL replay from the backup's checkpoint),
 * {@code pg_backup_stop(false)} returns the {@code backup_label} to write into the copy, and the copy
 * gets {@code standby.signal}, {@code primary_conninfo} and {@code primary_slot_name}. Left out of
 * the copy, as pg_basebackup leaves them out: {@code postmaster.pid}, {@code postmaster.opts}, the
 * contents of {@code pg_wal}, {@code pg_replslot}, {@code pg_stat_tmp}, {@code pg_dynshmem},
 * {@code pg_notify}, {@code pg_serial}, {@code pg_snapshots}, {@code pg_subtrans}, temporary files
 * and zonky's lock file.
 *
 * <p>The standby runs with {@code hot_standby_feedback = on}: without it, a read on the standby
 * can be cancelled when replay removes rows it still sees ("conflict with recovery"); the price is
 * that the primary's vacuum keeps those rows a little longer. It runs with the primary's
 * {@code -c} options (a standby refuses a lower {@code max_connections} than its primary's),
 * {@code pg_stat_statements} included, so its own statistics count the reads it serves.
 *
 * <p>A data directory that already holds a standby ({@code standby.signal}) is started as it is
 * and catches up through its slot; any other is made anew.
 */
public final class EmbeddedStandby implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStandby.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");
    /** Directories whose contents a base backup leaves out (the directories themselves are kept). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    /** Files a base backup leaves out. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "standby.signal", "recovery.signal", "pg_internal.init");

    private final String name;
    private final Path dataDirectory;
    private final int port;
    private final boolean keepData;
    private final PostgresBinaries binaries;
    private final Map<String, String> serverConfig;
    private final DataSource primary;
    private volatile boolean running;

    private EmbeddedStandby(String name, Path dataDirectory, int port, boolean keepData, PostgresBinaries binaries,
                            Map<String, String> serverConfig, DataSource primary) {
        this.name = name;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.keepData = keepData;
        this.binaries = binaries;
        this.serverConfig = serverConfig;
        this.primary = primary;
    }

    /**
     * Makes (when {@code dataDirectory} holds no standby yet) and starts a hot standby of
     * {@code primary}, streaming through the physical replication slot {@code name}.
     *
     * @param primary       the running primary
     * @param dataDirectory the standby's data directory (outside the primary's)
     * @param port          TCP port on loopback; 0 = any free port
     * @param name          slot name and {@code application_name} of the standby, {@code [a-z0-9_]{1,63}}
     * @param keepData      {@code true} to keep the directory and the slot after {@link #close()}
     *                      (the main job: the next run restarts it); {@code false} to delete both (tests)
     * @return the running standby, accepting read-only connections
     * @throws IllegalArgumentException when the name is malformed
     * @throws IllegalStateException    when the backup or the start fails
     */
    public static EmbeddedStandby start(EmbeddedPostgresServer primary, Path dataDirectory, int port, String name,
                                        boolean keepData) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("standby name must match [a-z0-9_]{1,63}: " + name);
        }
        RunningPostmaster postmaster = RunningPostmaster.in(primary.dataDirectory())
                .orElseThrow(() -> new IllegalStateException("the primary is not running on " + primary.dataDirectory()));
        PGSimpleDataSource primaryDs = new PGSimpleDataSource();
        primaryDs.setUrl(primary.jdbcUrl("postgres"));
        primaryDs.setUser(EmbeddedPostgresServer.USER);
        EmbeddedStandby standby = new EmbeddedStandby(name, dataDirectory.toAbsolutePath(), port > 0 ? port : freePort(),
                keepData, PostgresBinaries.of(postmaster), primary.serverConfig(), primaryDs);
        long t0 = System.nanoTime();
        if (!Files.exists(standby.dataDirectory.resolve("standby.signal"))) {
            standby.baseBackup(primary.dataDirectory().toAbsolutePath(), primary.port());
            LOG.info("Standby {}: base backup of the primary copied to {} ({} ms)", name, standby.dataDirectory,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        standby.start();
        LOG.info("Standby {} streaming from port {} started on port {} ({} ms)", name, primary.port(), standby.port,
                (System.nanoTime() - t0) / 1_000_000);
        return standby;
    }

    private void baseBackup(Path primaryDataDirectory, int primaryPort) {
        try {
            deleteRecursively(dataDirectory);
            try (Connection c = primary.getConnection()) {
                createSlot(c);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_backup_start('" + name + "', true)");
                }
                copyDataDirectory(primaryDataDirectory);
                String label;
                String tablespaceMap;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    rs.next();
                    label = rs.getString(1);
                    tablespaceMap = rs.getString(2);
                }
                Files.writeString(dataDirectory.resolve("backup_label"), label, StandardCharsets.UTF_8);
                if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                    Files.writeString(dataDirectory.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
                }
            }
            Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """

                    # Mluv standby %s (EmbeddedStandby): streaming replication from the embedded primary
                    primary_conninfo = 'host=localhost port=%d user=%s application_name=%s'
                    primary_slot_name = '%s'
                    hot_standby = on
                    hot_standby_feedback = on
                    """.formatted(name, primaryPort, EmbeddedPostgresServer.USER, name, name),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.writeString(dataDirectory.resolve("standby.signal"), "", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        } catch (SQLException e) {
            throw new IllegalStateException("base backup for standby " + name + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("base backup for standby " + name + " failed to copy into " + dataDirectory, e);
        }
    }

    // A slot left by an earlier standby of the same name may hold WAL from long ago: make it anew.
    private void createSlot(Connection c) throws SQLException {
        try (PreparedStatement drop = c.prepareStatement("""
                SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
                WHERE slot_name = ? AND NOT active""")) {
            drop.setString(1, name);
            drop.execute();
        }
        try (PreparedStatement create = c.prepareStatement("SELECT pg_create_physical_replication_slot(?, true)")) {
            create.setString(1, name);
            create.execute();
        }
    }

    private void copyDataDirectory(Path source) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                Path target = dataDirectory.resolve(relative.toString());
                Files.createDirectories(target);
                if (relative.getNameCount() == 1 && EMPTIED.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                        Files.createDirectories(target.resolve("summaries"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String fileName = file.getFileName().toString();
                if (SKIPPED.contains(fileName) || fileName.startsWith("pgsql_tmp") || !attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, dataDirectory.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException e) {
                    // Dropped while we copied (a temporary relation, a vacuumed segment): WAL replay agrees.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /**
     * Starts the standby (again): {@code pg_ctl start -w}, which returns once it accepts read-only
     * connections. Its log is {@code <data directory>.log} beside the data directory.
     *
     * @throws IllegalStateException when it does not start
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port)));
        serverConfig.forEach((k, v) -> {
            options.add("-c");
            options.add(k + "=" + v);
        });
        binaries.pgCtl(180, List.of("-D", dataDirectory.toString(), "-l", logFile().toString(), "-w", "-t", "170",
                "-o", String.join(" ", options), "start"));
        running = true;
    }

    /**
     * Stops the standby: {@code pg_ctl stop -m fast} (open sessions are ended, their queries
     * cancelled), as an operator stops a server.
     *
     * @throws IllegalStateException when it does not stop
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        binaries.pgCtl(90, List.of("-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        running = false;
    }

    /**
     * Waits until the standby has replayed all the WAL the primary has written so far
     * ({@code pg_current_wal_lsn()}: with {@code synchronous_commit = off} a commit may not be
     * written yet when it returns, so tests that wait for replay run their primary with it on).
     *
     * @param timeout how long to wait
     * @throws IllegalStateException when it has not caught up in time
     */
    public void awaitReplay(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection p = primary.getConnection(); Connection s = standbyDataSource("postgres").getConnection();
             Statement ps = p.createStatement(); ResultSet lsn = ps.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            lsn.next();
            String target = lsn.getString(1);
            try (PreparedStatement q = s.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
                q.setString(1, target);
                while (true) {
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            return;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("standby " + name + " did not replay up to " + target + " within " + timeout);
                    }
                    Thread.sleep(20);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare the standby's replay position with the primary's", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @return the slot name and {@code application_name} of this standby */
    public String name() {
        return name;
    }

    /** @return its TCP port on loopback */
    public int port() {
        return port;
    }

    /** @return its data directory */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** @return {@code true} while it was started and not stopped */
    public boolean running() {
        return running;
    }

    /**
     * @param database a database name
     * @return a JDBC URL of that database on this standby
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * @param database a database name
     * @return an unpooled data source of the superuser on that database of this standby
     */
    public DataSource standbyDataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl(database));
        ds.setUser(EmbeddedPostgresServer.USER);
        return ds;
    }

    private Path logFile() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    /**
     * Stops the standby; unless its data is kept, deletes its data directory and log and drops its
     * slot on the primary (when the primary is still up), so that the slot retains no WAL.
     */
    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("standby {} did not stop cleanly: {}", name, e.getMessage());
        }
        if (keepData) {
            return;
        }
        try (Connection c = primary.getConnection();
             PreparedStatement drop = c.prepareStatement(
                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
            drop.setString(1, name);
            drop.execute();
        } catch (SQLException e) {
            LOG.debug("slot {} not dropped (primary gone?): {}", name, e.getMessage());
        }
        try {
            deleteRecursively(dataDirectory);
            Files.deleteIfExists(logFile());
        } catch (IOException e) {
            LOG.warn("standby {}: data directory {} not deleted: {}", name, dataDirectory, e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
