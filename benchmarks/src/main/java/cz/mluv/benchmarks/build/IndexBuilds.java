package cz.mluv.benchmarks.build;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Builds each performance index twice on the loaded tables: plain {@code CREATE INDEX} (SHARE
 * lock: writers wait for the whole build), dropped, then {@code CREATE INDEX CONCURRENTLY}
 * (writers go on; the build scans the table twice and waits for older transactions, so it takes
 * longer). A writer inserts a row into the indexed table every 5 ms during both builds; its
 * longest insert shows the blocking. The writer's rows are deleted afterwards.
 */
public final class IndexBuilds {

    private static final Pattern ON_TABLE = Pattern.compile(" ON (?:\\w+\\.)?(\\w+) ");
    private static final Duration WRITER_PAUSE = Duration.ofMillis(5);

    private final DataSource dataSource;
    private final Consumer<String> progress;
    /** Keys of the writer's rows, unique across every build (the unique indexes must accept them). */
    private final AtomicLong writerKeys = new AtomicLong();

    /**
     * @param dataSource the loaded database
     * @param progress   receives one line per build
     */
    public IndexBuilds(DataSource dataSource, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    /**
     * @param definitions index name to its CREATE INDEX statement (pg_indexes.indexdef); the
     *                    indexes must not exist
     * @return one result per index, in the map's order; every index exists afterwards
     * @throws SQLException when a build fails
     */
    public List<IndexBuild> buildAll(Map<String, String> definitions) throws SQLException {
        List<IndexBuild> builds = new ArrayList<>();
        long userId = single("SELECT min(id) FROM users");
        for (Map.Entry<String, String> e : definitions.entrySet()) {
            builds.add(build(e.getKey(), e.getValue(), userId));
        }
        cleanUp(userId);
        return builds;
    }

    private IndexBuild build(String name, String definition, long userId) throws SQLException {
        Matcher m = ON_TABLE.matcher(definition);
        if (!m.find()) {
            throw new IllegalArgumentException("no table in " + definition);
        }
        String table = m.group(1);
        String writer = writerSql(table, userId);
        Timed plain = timed(definition, writer);
        execute("DROP INDEX " + name);
        Timed concurrent = timed(definition.replaceFirst("INDEX ", "INDEX CONCURRENTLY "), writer);
        long indexBytes = single("SELECT pg_relation_size('" + name + "'::regclass)");
        long tableBytes = single("SELECT pg_relation_size('" + table + "'::regclass)");
        IndexBuild b = new IndexBuild(name, table, plain.ms, concurrent.ms, plain.writer, concurrent.writer, indexBytes, tableBytes);
        progress.accept(String.format("index %-32s plain %8.0f ms (writer max %6.0f ms), concurrently %8.0f ms (writer max %6.0f ms), %,d bytes",
                name, b.plainMs(), b.writerPlain().maxMs(), b.concurrentMs(), b.writerConcurrent().maxMs(), indexBytes));
        return b;
    }

    private record Timed(double ms, ProbeLatency writer) {
    }

    private Timed timed(String ddl, String writerSql) throws SQLException {
        Prober writer = new Prober(dataSource, writerSql, writerKeys::incrementAndGet, WRITER_PAUSE);
        try (writer) {
            sleep(200);
            long t0 = System.nanoTime();
            execute(ddl);
            double ms = (System.nanoTime() - t0) / 1e6;
            sleep(200);
            return new Timed(ms, writer.stop());
        }
    }

    /** A single-row insert into {@code table} that keeps every unique index satisfied. */
    private static String writerSql(String table, long userId) {
        return switch (table) {
            case "messages" -> "INSERT INTO messages (user_id, role, text, correctness_score) VALUES ("
                    + userId + ", 'user', 'benchmark writer ' || ?::text, 80)";
            case "daily_stats" -> "INSERT INTO daily_stats (user_id, date, messages_count) VALUES ("
                    + userId + ", date '2200-01-01' + ?::int, 1)";
            case "saved_words" -> "INSERT INTO saved_words (user_id, word_czech, translation) VALUES ("
                    + userId + ", 'benchmark-writer-' || ?::text, 'x')";
            default -> throw new IllegalArgumentException("no writer for table " + table);
        };
    }

    private void cleanUp(long userId) throws SQLException {
        execute("DELETE FROM messages WHERE user_id = " + userId + " AND text LIKE 'benchmark writer %'",
                "DELETE FROM daily_stats WHERE user_id = " + userId + " AND date >= date '2200-01-01'",
                "DELETE FROM saved_words WHERE user_id = " + userId + " AND word_czech LIKE 'benchmark-writer-%'",
                "VACUUM (ANALYZE) messages", "VACUUM (ANALYZE) daily_stats", "VACUUM (ANALYZE) saved_words");
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
