package cz.mluv.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.message.Messages;
import cz.mluv.db.user.UserInclude;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The checks every read applies to its parameters before they reach SQL. */
class ParameterChecksTest {

    @ParameterizedTest(name = "case {index}")
    @ValueSource(strings = {"pivo\u0000", "\u0000", "pivo\uFFFD", "\uD800", "x\uDC00y", "\uDBFF"})
    void textPostgresCannotTakeIsRejectedNamingTheParameter(String text) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.requireText("q", text, 200));
        assertEquals("q", e.parameter());
        assertTrue(e.getMessage().startsWith("q "), e.getMessage());
    }

    @Test
    void validTextPassesIncludingSurrogatePairsAndSqlMetacharacters() {
        for (String ok : new String[] {"knedlíky", "😀 pivo", "'; DROP TABLE users; --", "", " "}) {
            assertEquals(ok, InvalidParameterException.requireText("q", ok, 200));
        }
        assertNull(InvalidParameterException.requireText("q", null, 200));
    }

    @Test
    void overLongTextIsRejectedBeforeItIsScanned() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.requireText("q", "a".repeat(10_000), Messages.MAX_QUERY_LENGTH));
        assertEquals("q must be at most 200 characters, was 10000", e.getMessage());
    }

    @Test
    void everyTextParameterOfTheReadsIsChecked() {
        assertEquals("metric", assertThrows(InvalidParameterException.class, () -> LeaderboardMetric.parse("total_stars\u0000")).parameter());
        assertEquals("metric", assertThrows(InvalidParameterException.class, () -> LeaderboardMetric.parse("x".repeat(65))).parameter());
        assertEquals("include", assertThrows(InvalidParameterException.class, () -> UserInclude.parse("settings\uD800")).parameter());
        assertEquals("include", assertThrows(InvalidParameterException.class, () -> UserInclude.parse("stars,".repeat(30))).parameter());
    }

    @Test
    void daysATimestampCannotHoldAreRejectedNamingTheParameter() {
        assertEquals("from", assertThrows(InvalidParameterException.class,
                () -> Messages.requireRange(LocalDate.MIN, LocalDate.of(2026, 1, 1))).parameter());
        assertEquals("to", assertThrows(InvalidParameterException.class,
                () -> Messages.requireRange(LocalDate.of(2026, 1, 1), LocalDate.of(10_000, 1, 1))).parameter());
        assertEquals("on", assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.requireDate("on", LocalDate.MAX)).parameter());
        assertEquals("from", assertThrows(InvalidParameterException.class,
                () -> Messages.requireRange(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), "from")).parameter());
    }
}
