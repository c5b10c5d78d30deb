package cz.mluv.db.replica;

/**
 * The routing decision of the read running on this thread: set by {@link ReadRoutingInterceptor}
 * around a method marked {@link ReplicaRead} or {@link PrimaryRead}, read by
 * {@link ReadRoutingDataSource} when the read asks for a connection. Outside such a method every
 * connection is the primary's.
 */
public final class ReadRouting {

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

    private ReadRouting() {
    }

    /** Where the current read may go, and which replica served it (if any). */
    static final class State {
        final boolean replicaAllowed;
        volatile Replica servedBy;

        State(boolean replicaAllowed) {
            this.replicaAllowed = replicaAllowed;
        }
    }

    /**
     * @param replicaAllowed whether a replica may serve the read
     * @return the state that was current before (restore it with {@link #restore})
     */
    static State enter(boolean replicaAllowed) {
        State previous = CURRENT.get();
        CURRENT.set(new State(replicaAllowed));
        return previous;
    }

    static void restore(State previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** @return the current read's state; {@code null} outside a routed read */
    static State current() {
        return CURRENT.get();
    }

    /** @return {@code true} when the read running on this thread may be served by a replica */
    public static boolean replicaAllowed() {
        State s = CURRENT.get();
        return s != null && s.replicaAllowed;
    }
}
