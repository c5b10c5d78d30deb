package cz.mluv.migrations.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deploy-time setting, declared once: the environment variable's name (also the JVM system
 * property of the same name), its type, its default (as written in the environment), its allowed
 * range and the message of a malformed value. {@link MluvSettings} holds every declaration;
 * {@link SettingsReader} reads them.
 *
 * <p>Value syntax by {@link Type}: {@code INTEGER} a whole number ({@code _} allowed as a digit
 * separator); {@code DECIMAL} a number; {@code DURATION} a whole number with a unit {@code ms},
 * {@code s}, {@code m} or {@code min}, {@code h}, {@code d} (no unit = milliseconds, as in
 * PostgreSQL; {@code 0} = none) or ISO-8601 ({@code PT2H}); {@code BOOLEAN} {@code true} or
 * {@code false}; {@code TEXT} any text (or one of {@link #choices()}); {@code LIST} comma-separated
 * text, blanks dropped. A blank value counts as unset.
 *
 * @param <T> the parsed value's Java type
 */
public final class Setting<T> {

    /** The kinds of value a setting holds. */
    public enum Type { INTEGER, DECIMAL, DURATION, BOOLEAN, TEXT, LIST }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|min|h|d)?");

    private final String name;
    private final Type type;
    private final String defaultText;
    private final String min;
    private final String max;
    private final List<String> choices;
    private final Function<String, T> parser;

    private Setting(String name, Type type, String defaultText, String min, String max, List<String> choices,
                    Function<String, T> parser) {
        if (!name.matches("MLUV_[A-Z0-9_]+")) {
            throw new IllegalArgumentException("a setting's name is MLUV_ and capitals: " + name);
        }
        this.name = name;
        this.type = type;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        this.parser = parser;
        if (defaultText != null && !defaultText.isBlank()) {
            parse(defaultText); // a default outside its own range fails when the class loads
        }
    }

    /**
     * @param name        variable name
     * @param defaultText default as written in the environment, {@code null} = none
     * @param min         smallest value allowed
     * @param max         largest value allowed
     * @return an {@code int} setting
     */
    public static Setting<Integer> integer(String name, String defaultText, int min, int max) {
        return new Setting<>(name, Type.INTEGER, defaultText, Integer.toString(min), Integer.toString(max), List.of(),
                text -> (int) wholeNumber(name, text, min, max));
    }

    /**
     * @param name        variable name
     * @param defaultText default as written in the environment, {@code null} = none
     * @param min         smallest value allowed
     * @param max         largest value allowed
     * @return a {@code long} setting
     */
    public static Setting<Long> longInteger(String name, String defaultText, long min, long max) {
        return new Setting<>(name, Type.INTEGER, defaultText, Long.toString(min), Long.toString(max), List.of(),
                text -> wholeNumber(name, text, min, max));
    }

    /**
     * @param name        variable name
     * @param defaultText default as written in the environment, {@code null} = none
     * @param min         smallest value allowed
     * @param max         largest value allowed
     * @return a {@code double} setting
     */
    public static Setting<Double> decimal(String name, String defaultText, double min, double max) {
        return new Setting<>(name, Type.DECIMAL, defaultText, plain(min), plain(max), List.of(), text -> {
            double d;
            try {
                d = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was: " + text, e);
            }
            if (Double.isNaN(d) || d < min || d > max) {
                throw new IllegalArgumentException(name + " must be between " + plain(min) + " and " + plain(max) + ", was: " + text);
            }
            return d;
        });
    }

    /**
     * @param name        variable name
     * @param defaultText default as written in the environment ({@code 5s}, {@code 14d}), {@code null} = none
     * @param min         shortest value allowed
     * @param max         longest value allowed
     * @return a duration setting
     */
    public static Setting<Duration> duration(String name, String defaultText, Duration min, Duration max) {
        return new Setting<>(name, Type.DURATION, defaultText, min.toString(), max.toString(), List.of(), text -> {
            Duration d;
            try {
                d = parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min.toMillis() + " ms and " + max.toMillis()
                        + " ms, was: " + text);
            }
            return d;
        });
    }

    /**
     * @param name        variable name
     * @param defaultText {@code true}, {@code false} or {@code null} = none (the reader decides)
     * @return a boolean setting
     */
    public static Setting<Boolean> bool(String name, String defaultText) {
        return new Setting<>(name, Type.BOOLEAN, defaultText, null, null, List.of("true", "false"), text ->
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(name + " must be true or false, was: " + text);
                });
    }

    /**
     * @param name        variable name
     * @param defaultText default, {@code null} = none
     * @param choices     the values allowed; none = any text
     * @return a text setting
     */
    public static Setting<String> text(String name, String defaultText, String... choices) {
        List<String> allowed = Arrays.asList(choices);
        return new Setting<>(name, Type.TEXT, defaultText, null, null, allowed, text -> {
            if (!allowed.isEmpty() && !allowed.contains(text)) {
                throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed) + ", was: " + text);
            }
            return text;
        });
    }

    /**
     * @param name        variable name
     * @param defaultText default, comma-separated; {@code null} = none (an empty list)
     * @return a list setting
     */
    public static Setting<List<String>> list(String name, String defaultText) {
        return new Setting<>(name, Type.LIST, defaultText, null, null, List.of(), text ->
                Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * Reads a duration in the settings' syntax (see the class comment).
     *
     * @param text e.g. {@code 500ms}, {@code 5s}, {@code 15m}, {@code 2min}, {@code 2h}, {@code 7d}, {@code 0}, {@code PT2H}
     * @return the duration
     * @throws IllegalArgumentException when the text is no such duration (the message names the syntax)
     */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            try {
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("duration too long: " + text, e);
            }
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration (examples: 500ms, 5s, 2min, 0): " + text, e);
        }
    }

    /**
     * @param text the raw value (not blank)
     * @return the value
     * @throws IllegalArgumentException naming the variable when the value is malformed or out of range
     */
    public T parse(String text) {
        return parser.apply(text.strip());
    }

    /** @return the default parsed, or {@code null} when the setting has none */
    public T defaultValue() {
        return defaultText == null || defaultText.isBlank() ? null : parse(defaultText);
    }

    /** @return the environment variable's (and system property's) name */
    public String name() {
        return name;
    }

    /** @return the kind of value */
    public Type type() {
        return type;
    }

    /** @return the default as written in the environment; {@code null} = none (or one the reader computes) */
    public String defaultText() {
        return defaultText;
    }

    /** @return the smallest value allowed as text (numbers; ISO-8601 for durations), {@code null} when unbounded */
    public String min() {
        return min;
    }

    /** @return the largest value allowed as text, {@code null} when unbounded */
    public String max() {
        return max;
    }

    /** @return the values allowed for a text or boolean setting; empty = any */
    public List<String> choices() {
        return choices;
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", default " + Objects.requireNonNullElse(defaultText, "none") + ")";
    }

    private static long wholeNumber(String name, String text, long min, long max) {
        long n;
        try {
            n = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + text, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was: " + text);
        }
        return n;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
