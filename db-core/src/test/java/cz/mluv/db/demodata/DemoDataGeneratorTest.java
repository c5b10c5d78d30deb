package cz.mluv.db.demodata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.migrations.Migrations;
import cz.mluv.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data: deterministic per seed, skewed, Czech, and internally consistent. */
class DemoDataGeneratorTest {

    private static final DemoDataSize SIZE = new DemoDataSize(500, 20_000, 11);
    private static TestPostgres.Database first;
    private static TestPostgres.Database second;
    private static TestPostgres.Database otherSeed;
    private static Map<String, Long> counts;

    @BeforeAll
    static void load() throws SQLException {
        first = loaded(SIZE);
        second = loaded(SIZE);
        otherSeed = loaded(new DemoDataSize(SIZE.users(), SIZE.messages(), 12));
        counts = Map.of("users", value(first, "SELECT count(*) FROM users"),
                "messages", value(first, "SELECT count(*) FROM messages"));
    }

    private static TestPostgres.Database loaded(DemoDataSize size) throws SQLException {
        TestPostgres.Database db = TestPostgres.newDatabase("demo_gen");
        Migrations.migrate(db.dataSource());
        new DemoDataGenerator(db.dataSource(), System.out::println).load(size);
        return db;
    }

    private static final String CHECKSUM = """
            SELECT md5(string_agg(u.telegram_id || '|' || m.role || '|' || m.text || '|' || coalesce(m.correctness_score::text, '-')
                                  || '|' || m.created_at, ',' ORDER BY u.telegram_id, m.created_at, m.role, m.text))
            FROM messages m JOIN users u ON u.id = m.user_id""";

    @Test
    void loadsTheRequestedSize() {
        assertEquals(SIZE.users(), counts.get("users"));
        assertEquals(SIZE.messages(), counts.get("messages"));
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedDoesNot() throws SQLException {
        assertEquals(text(first, CHECKSUM), text(second, CHECKSUM));
        assertNotEquals(text(first, CHECKSUM), text(otherSeed, CHECKSUM));
    }

    @Test
    void activityIsSkewedWithALongTail() throws SQLException {
        long top1Percent = value(first, """
                SELECT sum(n) FROM (SELECT count(*) n FROM messages GROUP BY user_id ORDER BY n DESC LIMIT %d) t""".formatted(SIZE.users() / 100));
        assertTrue(top1Percent > SIZE.messages() / 10, "the top 1 % of users write over 10 % of messages, wrote " + top1Percent);
        long silent = value(first, "SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.user_id = u.id)");
        assertTrue(silent > 0, "some users never wrote");
    }

    @Test
    void messagesAreCzechWithDiacriticsAndNotInTheFuture() throws SQLException {
        assertTrue(value(first, "SELECT count(*) FROM messages WHERE text ~ '[áčďéěíňóřšťúůýž]'") > SIZE.messages() / 2);
        assertEquals(0, value(first, "SELECT count(*) FROM messages WHERE created_at > now()"));
        assertEquals(0, value(first, "SELECT count(*) FROM messages WHERE role = 'assistant' AND correctness_score IS NOT NULL"));
    }

    @Test
    void aggregatesAgreeWithTheRowsTheyComeFrom() throws SQLException {
        assertEquals(0, value(first, """
                SELECT count(*) FROM user_stars s
                WHERE s.total <> coalesce((SELECT sum(stars_earned) FROM daily_stats d WHERE d.user_id = s.user_id), 0)"""));
        assertEquals(0, value(first, """
                SELECT count(*) FROM daily_stats d
                WHERE d.messages_count <> (SELECT count(*) FROM messages m WHERE m.user_id = d.user_id AND m.role = 'user'
                                           AND (m.created_at AT TIME ZONE 'UTC')::date = d.date)"""));
        // A streak of n days ending on a date means the user was active on the n-1 days before it.
        assertEquals(0, value(first, """
                SELECT count(*) FROM daily_stats d
                WHERE d.streak_days > 1 AND NOT EXISTS (SELECT 1 FROM daily_stats p WHERE p.user_id = d.user_id
                                                        AND p.date = d.date - 1 AND p.streak_days = d.streak_days - 1)"""));
        assertEquals(value(first, "SELECT count(*) FROM users"), value(first, "SELECT count(*) FROM user_stats_summary"));
    }

    @Test
    void savedWordsIncludeNeverReviewedOnes() throws SQLException {
        assertTrue(value(first, "SELECT count(*) FROM saved_words WHERE next_review_date IS NULL AND times_reviewed = 0") > 0);
        assertTrue(value(first, "SELECT count(*) FROM saved_words WHERE next_review_date IS NOT NULL") > 0);
    }

    @Test
    void refusesToLoadIntoADatabaseThatHasUsers() {
        assertThrows(IllegalStateException.class, () -> new DemoDataGenerator(first.dataSource(), s -> { }).load(SIZE));
    }

    private static long value(TestPostgres.Database db, String sql) throws SQLException {
        return Long.parseLong(text(db, sql));
    }

    private static String text(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
