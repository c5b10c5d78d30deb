package cz.mluv.benchmarks.load;

/**
 * One closed-loop client: sends a request, waits for the whole answer, sends the next. Each
 * client thread owns its instance (a JDBC connection with its prepared statements, or a share of
 * an HTTP client), so implementations need not be thread-safe.
 */
public interface Client extends AutoCloseable {

    /**
     * Sends request number {@code iteration} and consumes the whole answer.
     *
     * @param iteration 0, 1, 2, ... for this client; picks the parameters (which user, which word)
     * @throws Exception when the request fails (counted as an error, not as a latency)
     */
    void call(long iteration) throws Exception;

    /** Releases what the client holds (connection, statements). */
    @Override
    default void close() throws Exception {
    }

    /** Opens the client of one load thread. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param index client number, 0..clients-1
         * @return a new client for that thread
         * @throws Exception when it cannot be opened (for example no connection)
         */
        Client open(int index) throws Exception;
    }
}
