package cz.mluv.migrations.deploy;

import cz.mluv.migrations.settings.Setting;
import java.time.Duration;

/**
 * Durations written the PostgreSQL way on the command line and in {@code MLUV_LOCK_TIMEOUT}:
 * {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 0}; the syntax of every duration setting,
 * {@link Setting#parseDuration(String)}.
 */
public final class PgDuration {

    private PgDuration() {
    }

    /**
     * @param text a whole number with an optional unit (ms, s, m or min, h, d; none means milliseconds, as in
     *             PostgreSQL) or ISO-8601
     * @return the duration; {@link Duration#ZERO} means no limit
     * @throws IllegalArgumentException when the text is not such a duration
     */
    public static Duration parse(String text) {
        return Setting.parseDuration(text);
    }

    /**
     * @param duration a duration
     * @return it as a PostgreSQL setting value in milliseconds, e.g. {@code 5000ms}
     */
    public static String setting(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
