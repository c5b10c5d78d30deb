package cz.mluv.db.verification;

import java.util.List;
import java.util.Objects;

/**
 * What a check found, before the catalogue adds the check's description and timing to make a
 * {@link CheckResult}.
 *
 * @param status     the verdict
 * @param summary    one line for a person
 * @param details    the typed rows behind the verdict
 * @param skipReason why the check was not judged; {@code null} unless {@code status} is SKIPPED
 */
public record Outcome(CheckStatus status, String summary, List<Detail> details, String skipReason) {

    /** @throws NullPointerException when status or summary is missing */
    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? List.of() : List.copyOf(details);
        if (status == CheckStatus.SKIPPED && (skipReason == null || skipReason.isBlank())) {
            throw new IllegalArgumentException("a SKIPPED outcome needs a reason");
        }
    }

    /**
     * @param summary one line
     * @param details the rows behind it
     * @return a PASS outcome
     */
    public static Outcome pass(String summary, List<? extends Detail> details) {
        return new Outcome(CheckStatus.PASS, summary, copy(details), null);
    }

    /**
     * @param summary one line
     * @param details the rows behind it
     * @return a WARN outcome
     */
    public static Outcome warn(String summary, List<? extends Detail> details) {
        return new Outcome(CheckStatus.WARN, summary, copy(details), null);
    }

    /**
     * @param summary one line
     * @param details the rows behind it
     * @return a FAIL outcome
     */
    public static Outcome fail(String summary, List<? extends Detail> details) {
        return new Outcome(CheckStatus.FAIL, summary, copy(details), null);
    }

    /**
     * @param reason why the check cannot be judged here; also the summary
     * @return a SKIPPED outcome
     */
    public static Outcome skipped(String reason) {
        return skipped(reason, List.of());
    }

    /**
     * @param reason  why the check cannot be judged here; also the summary
     * @param details what it saw all the same
     * @return a SKIPPED outcome
     */
    public static Outcome skipped(String reason, List<? extends Detail> details) {
        return new Outcome(CheckStatus.SKIPPED, "skipped: " + reason, copy(details), reason);
    }

    private static List<Detail> copy(List<? extends Detail> details) {
        return details == null ? List.of() : List.copyOf(details);
    }
}
