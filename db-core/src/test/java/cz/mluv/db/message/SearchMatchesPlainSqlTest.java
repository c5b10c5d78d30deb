package cz.mluv.db.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.plan.NamedSql;
import cz.mluv.db.testing.StatementCounter;
import cz.mluv.db.testing.TestContexts;
import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The windowed search ({@link Messages#search}, V9's {@code search_messages}) returns exactly the
 * rows of the plain definition ({@link MessageRepository#SEARCH_PLAIN_SQL}: every match ordered by
 * created_at DESC, id DESC, then LIMIT), for random queries and limits, page after page with the
 * {@code before} cursor. On a database of its own (the shared demo database is never changed):
 * 40,000 messages whose timestamps crowd towards the newest (a quarter in the last day, the rest
 * spread over two years as random()^3), with 3,000 messages written at one instant (ties broken
 * by id; a zero-length first window) and words of every frequency: {@code je} in about every
 * second message, {@code pivo} in 1 of 10, {@code knedlíky} in 1 of 40 (searched without
 * diacritics too), {@code tramvaj} in 1 of 150, {@code svíčková} in 1 of 5,000, {@code hrad} only
 * in messages older than 300 days (a word absent from the newest windows) and words in none.
 */
class SearchMatchesPlainSqlTest {

    private static final NamedSql PLAIN = NamedSql.parse(MessageRepository.SEARCH_PLAIN_SQL);
    private static TestPostgres.Database db;
    private static ApplicationContext ctx;
    private static Messages messages;

    @BeforeContainer
    static void skewedMessages() throws SQLException {
        db = TestPostgres.newDatabase("search_windows");
        Migrations.migrate(db.dataSource());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("INSERT INTO users (telegram_id, first_name) SELECT 800000000 + g, 'U' || g FROM generate_series(1, 50) g");
            st.execute("""
                    CREATE TEMP TABLE stamp AS
                    SELECT g, CASE WHEN g <= 10000 THEN timestamptz '2026-11-28 12:00+00' - random() * interval '1 day'
                                   WHEN g <= 13000 THEN timestamptz '2026-11-20 08:00+00'
                                   ELSE timestamptz '2026-11-27 12:00+00' - random() ^ 3 * interval '730 days' END AS at
                    FROM generate_series(1, 40000) g""");
            st.execute("""
                    INSERT INTO messages (user_id, role, text, created_at)
                    SELECT (SELECT min(id) FROM users) + (g % 50), CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
                           concat_ws(' ', 'Ahoj',
                                     CASE WHEN random() < 0.5 THEN 'je' END,
                                     CASE WHEN random() < 0.1 THEN 'pivo' END,
                                     CASE WHEN random() < 0.025 THEN 'knedlíky' END,
                                     CASE WHEN random() < 1.0 / 150 THEN 'tramvaj' END,
                                     CASE WHEN random() < 1.0 / 5000 THEN 'svíčková' END,
                                     CASE WHEN at < timestamptz '2026-11-27 12:00+00' - interval '300 days' AND random() < 0.02
                                          THEN 'hrad' END,
                                     'dobrý den'),
                           at
                    FROM stamp ORDER BY random()""");
            st.execute("ANALYZE messages");
        }
        ctx = ApplicationContext.builder().properties(TestContexts.properties(db)).start();
        messages = ctx.getBean(Messages.class);
    }

    @AfterContainer
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Property(tries = 60)
    void theFirstPageIsTheNewestMatches(@ForAll("queries") String query, @ForAll @IntRange(min = 1, max = 100) int limit)
            throws SQLException {
        assertEquals(plain(query, limit, null), ids(oneStatement(() -> messages.search(query, limit, null))), query);
    }

    @Property(tries = 40)
    void pagesWithTheBeforeCursorWalkTheMatchesInOrder(@ForAll("queries") String query,
                                                       @ForAll @IntRange(min = 1, max = 40) int limit,
                                                       @ForAll @IntRange(min = 2, max = 6) int pages) throws SQLException {
        List<Long> walked = new ArrayList<>();
        Long before = null;
        for (int p = 0; p < pages; p++) {
            List<SearchHit> page = messages.search(query, limit, before);
            assertEquals(plain(query, limit, before), ids(page), query + " page " + p + " before " + before);
            walked.addAll(ids(page));
            if (page.size() < limit) {
                break;
            }
            before = page.getLast().id();
        }
        assertEquals(plain(query, walked.size() + limit, null).subList(0, walked.size()), walked, query);
    }

    @Property(tries = 20)
    void aCursorFromAnywhereMatchesThePlainSql(@ForAll("queries") String query, @ForAll @IntRange(min = 1, max = 100) int limit,
                                               @ForAll @IntRange(min = 1, max = 40_000) int cursor) throws SQLException {
        long before = firstMessageId() + cursor - 1;
        assertEquals(plain(query, limit, before), ids(messages.search(query, limit, before)), query + " before " + before);
    }

    @Property(tries = 5)
    void anUnknownCursorGivesAnEmptyPage(@ForAll("queries") String query) {
        assertTrue(messages.search(query, 20, Long.MAX_VALUE).isEmpty());
    }

    /** Common, rare, absent, two words, phrases, or, not, with and without diacritics. */
    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> word = Arbitraries.of("je", "pivo", "knedliky", "knedlíky", "KNEDLIKY", "tramvaj", "svickova",
                "svíčková", "hrad", "xylofon", "ahoj", "den", "dobry");
        Arbitrary<String> two = Combinators.combine(word, word, Arbitraries.of(" ", " or ", " -")).as((a, b, op) -> a + op + b);
        Arbitrary<String> phrase = Combinators.combine(word, word).as((a, b) -> "\"" + a + " " + b + "\"");
        Arbitrary<String> absent = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8).map(w -> "q" + w);
        return Arbitraries.frequencyOf(Tuple.of(5, word), Tuple.of(4, two), Tuple.of(1, phrase), Tuple.of(1, absent));
    }

    private static List<Long> plain(String query, int limit, Long before) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("query", query);
        values.put("limit", limit);
        values.put("beforeId", before);
        List<Long> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(PLAIN.jdbcSql())) {
            for (int i = 0; i < PLAIN.parameters().size(); i++) {
                Object v = values.get(PLAIN.parameters().get(i));
                if (v == null) {
                    ps.setNull(i + 1, Types.BIGINT);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static long firstMessageId() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT min(id) FROM messages")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    private static <T> T oneStatement(Supplier<T> read) {
        StatementCounter.reset();
        T result = read.get();
        assertEquals(1, StatementCounter.statements().size(), () -> "statements: " + StatementCounter.statements());
        return result;
    }
}
