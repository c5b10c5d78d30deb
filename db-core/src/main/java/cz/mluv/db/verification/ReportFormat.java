package cz.mluv.db.verification;

import java.util.Arrays;
import java.util.Locale;

/** How a {@link VerificationReport} is printed. */
public enum ReportFormat {
    /** Plain text for a terminal: one line per check, details of those that did not pass. */
    TEXT,
    /** One JSON document (Jackson), every detail row included. */
    JSON,
    /** A Markdown table of every check plus a details section per check with its SQL. */
    MARKDOWN;

    /**
     * @param name {@code text}, {@code json} or {@code markdown}, any case
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static ReportFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown report format " + name + "; use one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
        }
    }
}
