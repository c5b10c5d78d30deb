package cz.mluv.db;

import java.time.LocalDate;

/**
 * A read was asked with a parameter outside what it accepts (an unknown leaderboard metric, a
 * limit out of range, an empty search, text PostgreSQL cannot take). The API maps it to HTTP 400
 * naming the parameter.
 *
 * <p>The {@code require*} methods are the one place every read checks its parameters before they
 * reach SQL: numbers against their range, days against the span a timestamp can hold, and every
 * text parameter with {@link #requireText} (PostgreSQL rejects NUL in text with
 * {@code 22021 invalid byte sequence}; a query string that was not valid UTF-8 arrives decoded
 * with U+FFFD replacement characters; an unpaired surrogate cannot be encoded as UTF-8 at all).
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    /**
     * @param parameter the parameter's name as the caller knows it (for example {@code limit})
     * @param message   what is wrong and what is accepted
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** @return the name of the offending parameter */
    public String parameter() {
        return parameter;
    }

    /**
     * Checks that {@code value} lies in {@code [min, max]}.
     *
     * @param parameter the parameter's name
     * @param value     the value given
     * @param min       smallest accepted value
     * @param max       largest accepted value
     * @return {@code value}
     * @throws InvalidParameterException when it is outside the range
     */
    public static int requireRange(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(parameter,
                    parameter + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Earliest day a read accepts. */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** Latest day a read accepts. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    /**
     * Checks a text parameter before it reaches SQL.
     *
     * @param parameter the parameter's name
     * @param value     the value given; {@code null} (absent) passes
     * @param maxLength longest accepted value, UTF-16 code units
     * @return {@code value}
     * @throws InvalidParameterException when it is longer than {@code maxLength}, contains NUL
     *                                   (U+0000), a U+FFFD replacement character (the request was
     *                                   not valid UTF-8) or an unpaired surrogate
     */
    public static String requireText(String parameter, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(parameter,
                    parameter + " must be at most " + maxLength + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new InvalidParameterException(parameter, parameter + " must not contain NUL (U+0000), found at index " + i);
            }
            if (c == '\uFFFD') {
                throw new InvalidParameterException(parameter,
                        parameter + " must be valid UTF-8 (found a U+FFFD replacement character at index " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidParameterException(parameter, parameter + " contains an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    /**
     * Checks that a day lies in {@code [}{@link #MIN_DATE}{@code , }{@link #MAX_DATE}{@code ]}, the
     * days whose start and end every read can turn into a PostgreSQL {@code timestamptz}.
     *
     * @param parameter the parameter's name
     * @param value     the day given
     * @return {@code value}
     * @throws InvalidParameterException when it is outside the range
     */
    public static LocalDate requireDate(String parameter, LocalDate value) {
        if (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE)) {
            throw new InvalidParameterException(parameter,
                    parameter + " must be between " + MIN_DATE + " and " + MAX_DATE + ", was " + value);
        }
        return value;
    }
}
