package cz.mluv.db;

/**
 * A read was asked with a parameter outside what it accepts (an unknown leaderboard metric, a
 * limit out of range, an empty search). The API maps it to HTTP 400 naming the parameter.
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
}
