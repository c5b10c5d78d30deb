package cz.mluv.migrations.deploy;

import cz.mluv.migrations.testing.TestPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A few hundred rows in every domain table, made with generate_series, and a fingerprint of them. */
final class DemoRows {

    /** Domain table and the column its rows are ordered by. */
    static final Map<String, String> TABLES = orderedKeys();

    private DemoRows() {
    }

    /** Inserts {@code users} users with settings, stars, 3 messages, 2 daily stats and 2 saved words each. */
    static void insert(TestPostgres.Database db, int users) {
        Sql.exec(db,
                "INSERT INTO users (telegram_id, first_name, username, level) SELECT 1000000 + g, 'Uživatel ' || g, 'user' || g,"
                        + " (ARRAY['A1','A2','B1','B2','C1','C2'])[1 + g % 6] FROM generate_series(1, " + users + ") g",
                "INSERT INTO user_settings (user_id, daily_goal) SELECT id, 5 + id % 20 FROM users",
                "INSERT INTO user_stars (user_id, total, available) SELECT id, id % 50 + 10, id % 10 FROM users",
                "INSERT INTO messages (user_id, role, text, correctness_score, created_at)"
                        + " SELECT u.id, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END, 'Dám si knedlíky ' || g,"
                        + " CASE WHEN g = 3 THEN NULL ELSE (u.id * g) % 101 END, timestamptz '2026-01-01' + g * interval '1 hour'"
                        + " FROM users u CROSS JOIN generate_series(1, 3) g",
                "INSERT INTO daily_stats (user_id, date, messages_count, words_said, correct_percent, streak_days, stars_earned)"
                        + " SELECT u.id, date '2026-01-01' + g, g * 3, g * 10, 50 + g, g, g FROM users u CROSS JOIN generate_series(0, 1) g",
                "INSERT INTO saved_words (user_id, word_czech, translation, next_review_date)"
                        + " SELECT u.id, 'slovo' || g, 'word' || g, CASE WHEN g = 1 THEN NULL ELSE date '2026-02-01' + g END"
                        + " FROM users u CROSS JOIN generate_series(1, 2) g");
    }

    /** @return per table: its row count and the md5 of all its rows as text, in key order */
    static Map<String, List<String>> fingerprint(TestPostgres.Database db) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> result.put(table, List.of(
                Sql.string(db, "SELECT count(*) FROM " + table),
                Sql.string(db, "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t." + key + "), '')) FROM " + table + " t"))));
        return result;
    }

    private static Map<String, String> orderedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("users", "id");
        keys.put("user_settings", "user_id");
        keys.put("user_stars", "user_id");
        keys.put("messages", "id");
        keys.put("daily_stats", "id");
        keys.put("saved_words", "id");
        return keys;
    }
}
