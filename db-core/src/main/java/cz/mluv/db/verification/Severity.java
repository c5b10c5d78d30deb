package cz.mluv.db.verification;

/** How much it matters when a check does not pass: how urgently a person should act. */
public enum Severity {
    /** The schema or its indexes are not what was deployed: fix before going on. */
    CRITICAL,
    /** Queries get slow or writers get blocked: fix soon. */
    MAJOR,
    /** Waste or a risk that grows with time (unused or oversized indexes, old statistics). */
    MINOR,
    /** Shown for the record; does not fail. */
    INFO
}
