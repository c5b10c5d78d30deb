package cz.mluv.db.checklist;

/** When an item of the deployment checklist is done. */
public enum Phase {
    /** Before the migration runs. */
    PRE("Pre-deployment"),
    /** While it runs (lock waits, index build progress). */
    DURING("During deployment"),
    /** After it ran (the verification catalogue, ANALYZE, refresh schedule, p95). */
    POST("Post-deployment");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    /** @return the heading, e.g. {@code Pre-deployment} */
    public String title() {
        return title;
    }
}
