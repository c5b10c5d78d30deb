package cz.mluv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.api.testing.ApiServers;
import cz.mluv.api.testing.RawHttp;
import cz.mluv.db.demodata.DemoDataGenerator;
import cz.mluv.db.testing.DemoDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every parameter of every endpoint, fuzzed one at a time with strings and numbers at their
 * edges (NUL, malformed percent-encodings, bytes that are not UTF-8, unpaired surrogates, huge and
 * negative numbers, {@code Long.MIN_VALUE}/{@code MAX_VALUE}, 10,000-character strings, SQL
 * metacharacters, empty values, arbitrary unicode): the API never answers 5xx, and every 4xx is
 * problem+json naming the fuzzed parameter (a 404 is the unknown-user problem). Values are sent
 * byte for byte over a socket ({@link RawHttp}); tries are bounded (about 30 per parameter) so the
 * suite runs in seconds on the shared demo database.
 */
class ParameterFuzzingTest {

    private static final int TRIES = 30;
    private static final String USER = String.valueOf(DemoDataGenerator.FIRST_TELEGRAM_ID + 1);
    private static EmbeddedServer server;
    private static JsonMapper json;

    @BeforeContainer
    static void start() {
        server = ApiServers.start(DemoDatabase.get(), 5, Map.of());
        json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void leaderboardMetric(@ForAll("text") String v) throws Exception {
        check("/api/v1/leaderboard?metric=" + v, "metric");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void leaderboardLimit(@ForAll("number") String v) throws Exception {
        check("/api/v1/leaderboard?limit=" + v, "limit");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void leaderboardAfter(@ForAll("cursor") String v) throws Exception {
        check("/api/v1/leaderboard?after=" + v, "after");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void rankTelegramId(@ForAll("pathValue") String v) throws Exception {
        check("/api/v1/leaderboard/users/" + v, "telegramId");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void rankMetric(@ForAll("text") String v) throws Exception {
        check("/api/v1/leaderboard/users/" + USER + "?metric=" + v, "metric");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void rankAround(@ForAll("number") String v) throws Exception {
        check("/api/v1/leaderboard/users/" + USER + "?around=" + v, "around");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void activeUsersDays(@ForAll("number") String v) throws Exception {
        check("/api/v1/users/active?days=" + v, "days");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void activeUsersLimit(@ForAll("number") String v) throws Exception {
        check("/api/v1/users/active?limit=" + v, "limit");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void userTelegramId(@ForAll("pathValue") String v) throws Exception {
        check("/api/v1/users/" + v, "telegramId");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void userInclude(@ForAll("text") String v) throws Exception {
        check("/api/v1/users/" + USER + "?include=" + v, "include");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void userMessagesCount(@ForAll("number") String v) throws Exception {
        check("/api/v1/users/" + USER + "?include=recent_messages&messages=" + v, "messages");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void messagesPageLimit(@ForAll("number") String v) throws Exception {
        check("/api/v1/users/" + USER + "/messages?limit=" + v, "limit");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void messagesPageBefore(@ForAll("number") String v) throws Exception {
        check("/api/v1/users/" + USER + "/messages?before=" + v, "before");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void statsFrom(@ForAll("date") String v) throws Exception {
        check("/api/v1/users/" + USER + "/stats?from=" + v, "from");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void statsTo(@ForAll("date") String v) throws Exception {
        check("/api/v1/users/" + USER + "/stats?to=" + v, "to");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void dueWordsLimit(@ForAll("number") String v) throws Exception {
        check("/api/v1/users/" + USER + "/words/due?limit=" + v, "limit");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void dueWordsOn(@ForAll("date") String v) throws Exception {
        check("/api/v1/users/" + USER + "/words/due?on=" + v, "on");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void correctnessFrom(@ForAll("date") String v) throws Exception {
        check("/api/v1/users/" + USER + "/correctness?from=" + v, "from");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void correctnessTo(@ForAll("date") String v) throws Exception {
        check("/api/v1/users/" + USER + "/correctness?to=" + v, "to");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void searchQuery(@ForAll("text") String v) throws Exception {
        check("/api/v1/messages/search?q=" + v, "q");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void searchLimit(@ForAll("number") String v) throws Exception {
        check("/api/v1/messages/search?q=pivo&limit=" + v, "limit");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void searchBefore(@ForAll("number") String v) throws Exception {
        check("/api/v1/messages/search?q=pivo&before=" + v, "before");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void searchQueryWithACursor(@ForAll("text") String v) throws Exception {
        check("/api/v1/messages/search?before=100&limit=5&q=" + v, "q");
    }

    private static void check(String target, String parameter) throws Exception {
        RawHttp.Reply r = RawHttp.get(server.getURL(), target);
        String shown = target.length() > 200 ? target.substring(0, 200) + "... (" + target.length() + " chars)" : target;
        assertTrue(r.status() < 500, () -> shown + " -> " + r.status() + " " + r.body());
        if (r.status() >= 400) {
            assertTrue(r.contentType().startsWith("application/problem+json"), () -> shown + " -> " + r.contentType());
            JsonNode body = json.readValue(r.body(), JsonNode.class);
            if (r.status() == 404) {
                assertEquals("https://mluv.cz/problems/user-not-found", body.get("type").getStringValue(), () -> shown + " -> " + r.body());
            } else {
                JsonNode named = body.get("parameter");
                assertEquals(parameter, named == null ? null : named.getStringValue(), () -> shown + " -> " + r.body());
            }
        }
    }

    /** Text values, percent-encoded (or deliberately malformed). */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> edges = Arbitraries.of("", " ", "\u0000", "pivo\u0000", "'; DROP TABLE users; --", "' OR 1=1 --",
                "%", "_", "\\", "$$", "\"", "<script>", "&", "=", "+", "#", "?", "/", "..", "knedlíky & pivo | !x",
                "\uD800", "x\uDC00", "\uFFFD", "😀", "\u202E", "\r\n", "a".repeat(10_000), "ř".repeat(5_000),
                "total_stars", "settings,stars", "SETTINGS, ,", "pivo");
        Arbitrary<String> random = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().ascii().ofMaxLength(300), Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(50));
        return Arbitraries.oneOf(edges.map(ParameterFuzzingTest::encode), random.map(ParameterFuzzingTest::encode), malformed());
    }

    /** Leaderboard cursors ({@code <score>:<telegramId>}) and near-cursors. */
    @Provide
    Arbitrary<String> cursor() {
        Arbitrary<String> edges = Arbitraries.of("0:" + USER, "4013:200003509", "-1:1", ":", "1:", ":1", "1:2:3", "x:y",
                Long.MAX_VALUE + ":" + Long.MIN_VALUE, "9".repeat(40) + ":1", "1:" + "9".repeat(40), "1 :2", "1%3A2");
        Arbitrary<String> random = Arbitraries.longs().flatMap(score -> Arbitraries.longs().map(id -> score + ":" + id));
        return Arbitraries.oneOf(edges.map(ParameterFuzzingTest::encode), random.map(ParameterFuzzingTest::encode), text());
    }

    /** Numbers and near-numbers, as the query string carries them. */
    @Provide
    Arbitrary<String> number() {
        Arbitrary<String> edges = Arbitraries.of("0", "-1", "1", "100", "101", "2147483647", "2147483648", "-2147483648",
                "-2147483649", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "9223372036854775808",
                "9".repeat(400), "-0", "+1", "1e3", "0x10", "1.5", " 1", "１", "", "NaN", "Infinity", "1;DROP TABLE users");
        Arbitrary<String> random = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-5, 500).map(String::valueOf), Arbitraries.strings().numeric().ofMaxLength(30));
        return Arbitraries.oneOf(edges.map(ParameterFuzzingTest::encode), random.map(ParameterFuzzingTest::encode),
                malformed(), text());
    }

    /** Days and near-days. */
    @Provide
    Arbitrary<String> date() {
        Arbitrary<String> edges = Arbitraries.of("2026-01-01", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01",
                "-999999999-01-01", "+999999999-12-31", "-0001-12-31", "2026-02-30", "2026-13-01", "2026-1-1",
                "2026-01-01T00:00:00Z", "", "today", "1970-01-01");
        Arbitrary<String> random = Arbitraries.integers().between(-1_000_000, 1_000_000)
                .map(days -> java.time.LocalDate.of(2026, 1, 1).plusDays(days * 1_000L).toString());
        return Arbitraries.oneOf(edges.map(ParameterFuzzingTest::encode), random.map(ParameterFuzzingTest::encode),
                malformed(), text());
    }

    /** Path values: numbers and text, percent-encoded (a malformed escape in the path names no parameter). */
    @Provide
    Arbitrary<String> pathValue() {
        // An empty segment is another URL (/api/v1/users/, no route): not a value of the parameter.
        return Arbitraries.oneOf(number().filter(v -> !v.isEmpty() && wellFormedEscapes(v)),
                Arbitraries.of("%00", "%FF", "%C3%28", "%ED%A0%80", "1%00", "a".repeat(10_000)));
    }

    private static boolean wellFormedEscapes(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '%') {
                if (i + 2 >= v.length() || Character.digit(v.charAt(i + 1), 16) < 0 || Character.digit(v.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static Arbitrary<String> malformed() {
        Arbitrary<String> bad = Arbitraries.of("%", "%zz", "%2", "%C3%28", "%FF", "%ED%A0%80", "%00", "%C0%AF", "%E2%82", "%F0%9F%98");
        return net.jqwik.api.Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(5), bad,
                Arbitraries.strings().alpha().ofMaxLength(5)).as((a, b, c) -> a + b + c);
    }

    /**
     * Percent-encodes {@code s} as UTF-8, except that an unpaired surrogate is encoded as the
     * three bytes it would take (which are not valid UTF-8), so that it reaches the server.
     */
    static String encode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes.write(0xE0 | (c >> 12));
                bytes.write(0x80 | ((c >> 6) & 0x3F));
                bytes.write(0x80 | (c & 0x3F));
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        StringBuilder out = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || v == '-' || v == '.' || v == '_' || v == '~') {
                out.append((char) v);
            } else {
                out.append('%').append(String.format("%02X", v));
            }
        }
        return out.toString();
    }
}
