package cz.mluv.benchmarks.report;

/** How a read was measured. */
public enum Mode {
    /** Over JDBC, without the performance indexes and the view, naive loading. */
    BEFORE("before"),
    /** Over HTTP through the API, with indexes and view; the API's answer cache off (every request reads the database). */
    API("after (API)"),
    /**
     * Over HTTP through the API with its answer cache on (issue 13): view-backed reads only; after the
     * first request per URL, answered from the rendered answers on the event loop.
     */
    API_CACHED("after (API, cached)"),
    /** The API's SQL over JDBC, one connection per client: the database floor. */
    FLOOR("floor (JDBC)");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** @return the column heading used in the report */
    public String label() {
        return label;
    }
}
