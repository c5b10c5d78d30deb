package cz.mluv.migrations.testing;

import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test JVM: a Testcontainers {@code postgres:18} container when a
 * Docker engine answers, else an embedded PostgreSQL 18 (same major version, same extensions,
 * {@code pg_stat_statements} preloaded in both).
 *
 * <p>Each test fixture asks for its own database with {@link #newDatabase(String)}, so every
 * database state (empty, migrated, demo data, broken index) lives in a database of its own.
 */
public final class TestPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestPostgres() {
    }

    /** Connection facts of one test database. */
    public record Database(String name, String jdbcUrl, String user, String password) {

        /** @return an unpooled data source on this database */
        public PGSimpleDataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(jdbcUrl);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }

        /**
         * @return a new connection (the caller closes it)
         * @throws SQLException when the server refuses it
         */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    private record Server(String host, int port, String user, String password, AutoCloseable handle) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /**
     * Creates an empty database with a unique name on the shared server (starting the server on
     * first use).
     *
     * @param prefix a readable prefix (letters, digits, underscores) for the database name
     * @return the new database
     * @throws IllegalArgumentException when the prefix holds other characters
     */
    public static Database newDatabase(String prefix) {
        if (!prefix.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("database prefix must match [a-z0-9_]{1,40}: " + prefix);
        }
        Server s = server();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(name, s.url(name), s.user(), s.password());
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
                s = server;
                if (s == null) {
                    s = dockerAvailable() ? container() : embedded();
                    server = s;
                    Server started = s;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.handle().close();
                        } catch (Exception e) {
                            LOG.warn("test PostgreSQL did not stop cleanly", e);
                        }
                    }));
                }
            }
        }
        return s;
    }

    private static boolean dockerAvailable() {
        if (Boolean.getBoolean("mluv.test.embedded")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Server container() {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:18")
                .withCommand("postgres", "-c", "shared_preload_libraries=pg_stat_statements", "-c", "max_connections=200");
        pg.start();
        LOG.info("Test PostgreSQL: Testcontainers {}", pg.getJdbcUrl());
        return new Server(pg.getHost(), pg.getMappedPort(5432), pg.getUsername(), pg.getPassword(), pg::stop);
    }

    private static Server embedded() {
        try {
            var dir = Files.createTempDirectory("mluv-test-pg");
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("data"), false);
            LOG.info("Test PostgreSQL: no Docker engine, embedded PostgreSQL on port {}", pg.port());
            return new Server("localhost", pg.port(), EmbeddedPostgresServer.USER, "", pg::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
