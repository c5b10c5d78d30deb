package cz.mluv.db.demodata;

import cz.mluv.db.refresh.ViewRefresher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads realistic, deterministic demo data into an empty Mluv database: users with Czech names,
 * skewed activity (message counts follow a Zipf-like law: a few very active users, a long tail,
 * some users who never wrote), conversations of user and assistant messages in Czech with
 * diacritics (some typed without them), correctness scores, daily stats with real streaks,
 * stars, and saved words with review dates (some never reviewed).
 *
 * <p>Users, messages and saved words stream in through PostgreSQL COPY (messages through a
 * temporary table, then inserted in {@code created_at} order, as a chat log is written: ids and heap
 * positions follow time); settings, daily stats
 * and stars are derived in SQL from what was loaded, so every aggregate agrees with the rows it
 * comes from. Finally the view {@code user_stats_summary} is refreshed and the tables analyzed.
 * The same {@link DemoDataSize} (including its seed) and the same clock date give the same data.
 * Measured on 2 cores: the default size (10,000 users, 200,000 messages) loads in a few seconds.
 */
public final class DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);
    /** First telegram id; user i gets {@code FIRST_TELEGRAM_ID + i}. */
    public static final long FIRST_TELEGRAM_ID = 200_000_000L;

    private final DataSource dataSource;
    private final Consumer<String> progress;

    /**
     * @param dataSource the database to fill (migrated, with empty domain tables)
     * @param progress   receives one human-readable line per step
     */
    public DemoDataGenerator(DataSource dataSource, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    /**
     * @param dataSource a migrated database
     * @return {@code true} when the {@code users} table has no row
     * @throws SQLException when the database cannot be read
     */
    public static boolean isEmpty(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM users)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Loads the demo data set.
     *
     * @param size how many users and messages, and the random seed
     * @return row counts per table after loading
     * @throws SQLException          when a statement fails (the tables may then hold a partial load)
     * @throws IllegalStateException when the {@code users} table is not empty
     */
    public Map<String, Long> load(DemoDataSize size) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!isEmpty(dataSource)) {
                throw new IllegalStateException("demo data is loaded into an empty database only: users has rows");
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET synchronous_commit = off");
            }
            SplittableRandom random = new SplittableRandom(size.seed());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            step("users", t0, () -> copyUsers(c, size, random.split(), today));
            long[] userIds = userIds(c, size.users());
            step("messages", t0, () -> copyMessages(c, size, userIds, random.split(), today));
            step("saved words", t0, () -> copySavedWords(c, userIds, random.split(), today));
            step("settings, daily stats, stars", t0, () -> derive(c));
            step("ANALYZE", t0, () -> exec(c, "ANALYZE"));
            ViewRefresher.Result r = ViewRefresher.refresh(c, "user_stats_summary", ViewRefresher.Mode.AUTO, "demo-data");
            progress.accept(String.format("demo data: user_stats_summary refreshed (%s, %d rows, %d ms)",
                    r.mode(), r.rows(), r.durationMs()));
            Map<String, Long> counts = counts(c);
            progress.accept(String.format("demo data: loaded %s in %.1f s", counts, (System.nanoTime() - t0) / 1e9));
            return counts;
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }

    private void step(String name, long t0, SqlStep step) throws SQLException {
        long s = System.nanoTime();
        step.run();
        progress.accept(String.format("demo data: %-28s %6d ms (total %.1f s)", name,
                (System.nanoTime() - s) / 1_000_000, (System.nanoTime() - t0) / 1e9));
    }

    private void copyUsers(Connection c, DemoDataSize size, SplittableRandom r, LocalDate today) throws SQLException {
        copy(c, "COPY users (telegram_id, first_name, username, level, created_at) FROM STDIN", w -> {
            Instant now = today.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < size.users(); i++) {
                String name = CzechCorpus.FIRST_NAMES.get(r.nextInt(CzechCorpus.FIRST_NAMES.size()));
                String username = r.nextInt(4) == 0 ? "\\N" : ascii(name).toLowerCase() + "_" + i;
                Instant created = now.minus(30 + r.nextInt(700), ChronoUnit.DAYS).plusSeconds(r.nextInt(86_400));
                w.write((FIRST_TELEGRAM_ID + i) + "\t" + name + "\t" + username + "\t"
                        + CzechCorpus.LEVELS.get(r.nextInt(CzechCorpus.LEVELS.size())) + "\t" + created + "\n");
            }
        });
    }

    private static long[] userIds(Connection c, int users) throws SQLException {
        long[] ids = new long[users];
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, telegram_id FROM users")) {
            while (rs.next()) {
                ids[(int) (rs.getLong(2) - FIRST_TELEGRAM_ID)] = rs.getLong(1);
            }
        }
        return ids;
    }

    /**
     * Message counts per user follow weight 1 / rank^0.9 over a shuffled rank, so a few users
     * write thousands of messages and most write a few; a tenth never write; every user message is followed
     * by an assistant reply a few seconds later. A user's active days run back from a recent last
     * activity with occasional gaps, which gives realistic streaks.
     */
    private void copyMessages(Connection c, DemoDataSize size, long[] userIds, SplittableRandom r, LocalDate today)
            throws SQLException {
        int n = userIds.length;
        int[] rank = shuffledRanks(n, r);
        double[] weight = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // The last tenth signed up and never wrote (as in any chat app); the rest follow the power law.
            weight[i] = rank[i] >= n - n / 10 ? 0 : 1.0 / Math.pow(rank[i] + 1, 0.9);
            sum += weight[i];
        }
        long pairsTarget = size.messages() / 2;
        long[] pairs = new long[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            pairs[i] = (long) Math.floor(pairsTarget * weight[i] / sum);
            assigned += pairs[i];
        }
        for (int i = 0; assigned < pairsTarget; i = (i + 1) % n) {
            if (rank[i] < Math.max(1, n / 10)) {
                pairs[i]++;
                assigned++;
            }
        }
        long total = pairsTarget * 2;
        // Generated user by user, stored in the order of writing: a chat log is appended as messages
        // are written, so in production both the id and the heap position of a message follow its
        // created_at (pg_stats correlation ~1). Loading user by user would give correlation ~0 and a
        // heap no production table has (what a newest-first read costs depends on it, issue 10).
        exec(c, "CREATE TEMP TABLE demo_messages (user_id bigint, role text, text text, correctness_score smallint,"
                + " created_at timestamptz)");
        copy(c, "COPY demo_messages (user_id, role, text, correctness_score, created_at) FROM STDIN", w -> {
            long written = 0;
            long nextReport = total / 10;
            Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < n; i++) {
                if (pairs[i] == 0) {
                    continue;
                }
                int perDay = 1 + r.nextInt(8);
                int days = (int) Math.min(365, Math.max(1, pairs[i] / perDay));
                int lastActiveDaysAgo = rank[i] < n / 5 ? r.nextInt(3) : r.nextInt(60);
                int[] dayOffsets = activeDays(days, lastActiveDaysAgo, r);
                for (long p = 0; p < pairs[i]; p++) {
                    int daysAgo = dayOffsets[r.nextInt(dayOffsets.length)];
                    // Always in the past: within the UTC day that ends daysAgo days before today's midnight.
                    Instant at = midnight.minus(daysAgo, ChronoUnit.DAYS).minusSeconds(30 + r.nextInt(86_000));
                    String noun = CzechCorpus.NOUNS.get(r.nextInt(CzechCorpus.NOUNS.size()))[0];
                    String text = CzechCorpus.userMessage(r, noun);
                    boolean sloppy = r.nextInt(4) == 0;
                    if (sloppy) {
                        text = CzechCorpus.withoutSomeDiacritics(r, text);
                    }
                    String score = r.nextInt(4) == 0 ? "\\N"
                            : Integer.toString(sloppy ? 40 + r.nextInt(40) : 70 + r.nextInt(31));
                    w.write(userIds[i] + "\tuser\t" + escape(text) + "\t" + score + "\t" + at + "\n");
                    w.write(userIds[i] + "\tassistant\t" + escape(CzechCorpus.assistantMessage(r, noun)) + "\t\\N\t"
                            + at.plusSeconds(2 + r.nextInt(20)) + "\n");
                    written += 2;
                    if (written >= nextReport) {
                        progress.accept(String.format("demo data: messages %,d / %,d", written, total));
                        nextReport += total / 10;
                    }
                }
            }
        });
        exec(c, "SET work_mem = '256MB'");
        exec(c, "INSERT INTO messages (user_id, role, text, correctness_score, created_at)"
                + " SELECT user_id, role, text, correctness_score, created_at FROM demo_messages"
                + " ORDER BY created_at, user_id, role DESC, text");
        exec(c, "RESET work_mem");
        exec(c, "DROP TABLE demo_messages");
    }

    private static int[] activeDays(int days, int lastActiveDaysAgo, SplittableRandom r) {
        int[] offsets = new int[days];
        int d = lastActiveDaysAgo;
        for (int k = 0; k < days; k++) {
            offsets[k] = d;
            d += r.nextInt(6) == 0 ? 2 + r.nextInt(4) : 1;
        }
        return offsets;
    }

    private static int[] shuffledRanks(int n, SplittableRandom r) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        return rank;
    }

    private void copySavedWords(Connection c, long[] userIds, SplittableRandom r, LocalDate today) throws SQLException {
        copy(c, "COPY saved_words (user_id, word_czech, translation, context, times_reviewed, next_review_date, created_at) FROM STDIN", w -> {
            int nouns = CzechCorpus.NOUNS.size();
            for (long userId : userIds) {
                int words = r.nextInt(3) == 0 ? 0 : r.nextInt(25);
                int start = r.nextInt(nouns);
                for (int k = 0; k < words; k++) {
                    String[] noun = CzechCorpus.NOUNS.get((start + k * 7) % nouns);
                    int reviewed = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(10);
                    String next = reviewed == 0 ? "\\N" : today.plusDays(r.nextInt(31) - 10).toString();
                    String context = escape(CzechCorpus.userMessage(r, noun[0]));
                    Instant created = today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(1 + r.nextInt(200), ChronoUnit.DAYS);
                    w.write(userId + "\t" + noun[0] + "\t" + noun[1] + "\t" + context + "\t" + reviewed + "\t" + next
                            + "\t" + created + "\n");
                }
            }
        });
    }

    /**
     * Settings for every user; one daily_stats row per user and day with messages (streak_days =
     * position in the run of consecutive days, stars = messages capped at 10 plus a bonus for
     * accuracy and for a streak of 7+); user_stars = sum of stars earned, 70 % of it unspent.
     */
    private static void derive(Connection c) throws SQLException {
        exec(c, """
                INSERT INTO user_settings (user_id, conversation_style, corrections_level, native_language, daily_goal)
                SELECT id,
                       (ARRAY['friendly','formal','casual','teacher'])[1 + (id * 2654435761 % 4)::int],
                       (ARRAY['minimal','balanced','strict'])[1 + (id * 40503 % 3)::int],
                       (ARRAY['en','de','uk','ru','es','fr'])[1 + (id * 7919 % 6)::int],
                       (ARRAY[5,10,15,20])[1 + (id * 104729 % 4)::int]
                FROM users""");
        exec(c, """
                INSERT INTO daily_stats (user_id, date, messages_count, words_said, correct_percent, streak_days, stars_earned)
                SELECT user_id, day, messages_count, words_said, correct_percent, streak_days,
                       least(messages_count, 10)
                         + CASE WHEN correct_percent >= 80 THEN 2 ELSE 0 END
                         + CASE WHEN streak_days >= 7 THEN 1 ELSE 0 END
                FROM (SELECT user_id, day, messages_count, words_said, correct_percent,
                             row_number() OVER (PARTITION BY user_id, run ORDER BY day)::int AS streak_days
                      FROM (SELECT user_id, day, messages_count, words_said, correct_percent,
                                   day - (row_number() OVER (PARTITION BY user_id ORDER BY day))::int AS run
                            FROM (SELECT user_id, (created_at AT TIME ZONE 'UTC')::date AS day,
                                         count(*)::int AS messages_count,
                                         sum(array_length(string_to_array(text, ' '), 1))::int AS words_said,
                                         round(avg(correctness_score), 2) AS correct_percent
                                  FROM messages WHERE role = 'user'
                                  GROUP BY 1, 2) per_day) runs) streaks""");
        exec(c, """
                INSERT INTO user_stars (user_id, total, available)
                SELECT u.id, coalesce(s.total, 0), coalesce(s.total, 0) * 7 / 10
                FROM users u
                LEFT JOIN (SELECT user_id, sum(stars_earned)::int AS total FROM daily_stats GROUP BY user_id) s
                       ON s.user_id = u.id""");
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (String table : new String[] {"users", "user_settings", "messages", "daily_stats", "saved_words", "user_stars"}) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Writer w) throws IOException;
    }

    private static void copy(Connection c, String sql, RowWriter rows) throws SQLException {
        CopyIn copyIn = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                new PGCopyOutputStream(copyIn), java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            rows.write(w);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql2) {
                throw sql2;
            }
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
