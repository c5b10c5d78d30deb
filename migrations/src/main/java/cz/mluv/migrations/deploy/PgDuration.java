package cz.mluv.migrations.deploy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the PostgreSQL way on the command line and in {@code MLUV_LOCK_TIMEOUT}:
 * {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 0}.
 */
public final class PgDuration {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)?");

    private PgDuration() {
    }

    /**
     * @param text a whole number with an optional unit (ms, s, min, h; none means milliseconds, as in PostgreSQL)
     * @return the duration; {@link Duration#ZERO} means no limit
     * @throws IllegalArgumentException when the text is not such a duration
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (examples: 500ms, 5s, 2min, 0): " + text);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /**
     * @param duration a duration
     * @return it as a PostgreSQL setting value in milliseconds, e.g. {@code 5000ms}
     */
    public static String setting(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
