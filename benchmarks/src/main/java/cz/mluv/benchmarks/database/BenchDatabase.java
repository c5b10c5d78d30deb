package cz.mluv.benchmarks.database;

import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.demodata.DemoDataSize;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a benchmark scale runs on: a fresh embedded PostgreSQL 18 in its own data
 * directory (deleted on close), or an external server given by URL, whose Mluv tables are
 * emptied first. It is migrated, then put in the "before" state (the six performance indexes of
 * V2 and the search index of V8 dropped) and loaded; the indexes are rebuilt later by the index-build phase from the
 * definitions saved here.
 */
public final class BenchDatabase implements AutoCloseable {

    /**
     * The performance indexes of migration V2, named by the seeds (000/001), V8's
     * idx_messages_created and V13's idx_messages_search_hour (newest-first search, issue 10): none
     * of them exists "before".
     */
    public static final List<String> PERFORMANCE_INDEXES = List.of(
            "idx_messages_user_created", "idx_daily_stats_user_date", "idx_saved_words_user_word",
            "idx_messages_text_search", "idx_messages_correctness_score", "idx_saved_words_review", "idx_messages_created",
            "idx_messages_search_hour");

    private final EmbeddedPostgresServer embedded;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, String> indexDefinitions = new LinkedHashMap<>();

    private BenchDatabase(EmbeddedPostgresServer embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts a fresh embedded server.
     *
     * @param dataDirectory where its cluster lives (wiped first and deleted on close)
     * @return the database, not migrated yet
     */
    public static BenchDatabase embedded(Path dataDirectory) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, false, 0);
        return new BenchDatabase(server, server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
    }

    /**
     * Uses an external server. Its Mluv tables are emptied by {@link #prepare}: give it a
     * database made for benchmarking.
     *
     * @param url      JDBC URL
     * @param user     user with DDL rights (and pg_stat_statements_reset, for statement counts)
     * @param password password
     * @return the database
     */
    public static BenchDatabase external(String url, String user, String password) {
        return new BenchDatabase(null, url, user, password);
    }

    /** @return the JDBC URL */
    public String url() {
        return url;
    }

    /** @return the user */
    public String user() {
        return user;
    }

    /** @return the password */
    public String password() {
        return password;
    }

    /** @return {@code true} for the embedded server */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * @param options PostgreSQL session options such as {@code -c jit=off}, or {@code null}
     * @return an unpooled data source; every connection is a new session
     */
    public DataSource dataSource(String options) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setApplicationName("mluv-benchmarks");
        if (options != null) {
            ds.setOptions(options);
        }
        return ds;
    }

    /** @return a new autocommit connection with the server's default session settings */
    public Connection connect() throws SQLException {
        return dataSource(null).getConnection();
    }

    /**
     * Creates pg_stat_statements, migrates to the latest version, empties the Mluv tables (an
     * external database may hold an earlier run), saves the definitions of the performance
     * indexes and drops them.
     *
     * @throws SQLException when a statement fails
     */
    public void prepare() throws SQLException {
        try (Connection c = connect()) {
            exec(c, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            Migrations.migrate(dataSource(null));
            exec(c, "TRUNCATE users, user_settings, messages, daily_stats, saved_words, user_stars, mv_refresh_log RESTART IDENTITY");
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("text", PERFORMANCE_INDEXES.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, String> found = new LinkedHashMap<>();
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                    for (String name : PERFORMANCE_INDEXES) {
                        if (!found.containsKey(name)) {
                            throw new IllegalStateException("migration V2 did not create " + name);
                        }
                        indexDefinitions.put(name, found.get(name));
                    }
                }
            }
            for (String name : PERFORMANCE_INDEXES) {
                exec(c, "DROP INDEX " + name);
            }
        }
    }

    /** @return index name to its {@code CREATE INDEX} statement, as migration V2 made it */
    public Map<String, String> indexDefinitions() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indexDefinitions));
    }

    /**
     * Loads the demo data set (DemoDataGenerator: COPY, derived stats, view refresh, ANALYZE).
     *
     * @param size     users, messages, seed
     * @param progress receives one line per step
     * @return rows per table
     * @throws SQLException when loading fails
     */
    public Map<String, Long> load(DemoDataSize size, Consumer<String> progress) throws SQLException {
        return new DemoDataGenerator(dataSource(null), progress).load(size);
    }

    /**
     * @return the defining query of {@code user_stats_summary} (pg_get_viewdef), without the
     *         final semicolon
     * @throws SQLException when it cannot be read
     */
    public String viewQuery() throws SQLException {
        String def = text("SELECT pg_get_viewdef('user_stats_summary'::regclass, true)").strip();
        return def.endsWith(";") ? def.substring(0, def.length() - 1) : def;
    }

    /**
     * @param sql a query returning one text value
     * @return that value
     * @throws SQLException when it fails
     */
    public String text(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Runs statements one by one in autocommit.
     *
     * @param sql the statements
     * @throws SQLException when one fails
     */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect()) {
            for (String s : sql) {
                exec(c, s);
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Stops the embedded server and deletes its data (an external server is left running). */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
