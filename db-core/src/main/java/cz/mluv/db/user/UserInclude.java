package cz.mluv.db.user;

import cz.mluv.db.InvalidParameterException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Relations that a user read may include; all come back in the same SQL statement. */
public enum UserInclude {
    SETTINGS,
    RECENT_MESSAGES,
    STARS;

    /** Longest {@code include} value accepted, characters (every relation once, with spaces). */
    public static final int MAX_LENGTH = 100;

    /** @return the API spelling, e.g. {@code recent_messages} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param csv comma-separated API spellings, e.g. {@code settings,recent_messages,stars};
     *            {@code null} or blank = none
     * @return the set named
     * @throws InvalidParameterException naming {@code include} for an unknown relation or text
     *                                   longer than {@link #MAX_LENGTH} or not valid
     *                                   ({@link InvalidParameterException#requireText})
     */
    public static Set<UserInclude> parse(String csv) {
        InvalidParameterException.requireText("include", csv, MAX_LENGTH);
        Set<UserInclude> out = EnumSet.noneOf(UserInclude.class);
        if (csv == null || csv.isBlank()) {
            return out;
        }
        for (String part : csv.split(",")) {
            String p = part.trim();
            UserInclude match = Arrays.stream(values()).filter(v -> v.value().equalsIgnoreCase(p)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("include", "include must be a comma-separated list of "
                            + Arrays.stream(values()).map(UserInclude::value).toList() + ", got " + p));
            out.add(match);
        }
        return out;
    }
}
