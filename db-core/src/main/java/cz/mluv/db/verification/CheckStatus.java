package cz.mluv.db.verification;

/**
 * The result of one verification check, from best to worst: {@link #PASS}, {@link #SKIPPED},
 * {@link #WARN}, {@link #FAIL}. Only {@link #FAIL} makes {@code verify} exit with 1.
 */
public enum CheckStatus {
    /** The pass rule holds. */
    PASS,
    /** The check could not be judged here (for example pg_stat_statements is not loaded); the reason says why. */
    SKIPPED,
    /** Worth a look, the deployment still stands (an unused index, an index above 20 % of its table). */
    WARN,
    /** The deployment is not what the migrations and contracts promise (a missing or INVALID index). */
    FAIL
}
