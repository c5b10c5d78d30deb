package cz.mluv.db.replica;

/**
 * The routing decision of the read running on this thread: set by {@link ReadRoutingInterceptor}
 * around a method marked {@link ReplicaRead} or {@link PrimaryRead}, read by
 * {@link ReadRoutingDataSource} when the read asks for a connection. Outside such a method every
 * connection is the primary's.
 */
public final class ReadRouting {

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> PRIMARY_ONLY = new ThreadLocal<>();

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

    /**
     * Sends every read on this thread to the primary, {@link ReplicaRead} ones included, until
     * {@link #restorePrimaryOnly} is called with the value returned. For an answer that must be at
     * least as new as something learnt from the primary: the API's conditional reads tag an answer
     * with the view's refresh generation heard from the primary, and a replica that has not
     * replayed that refresh yet would put old content under the new tag.
     *
     * @param primaryOnly {@code true} to keep reads on the primary
     * @return the previous setting of this thread ({@code null}: none)
     */
    public static Boolean setPrimaryOnly(Boolean primaryOnly) {
        Boolean previous = PRIMARY_ONLY.get();
        if (primaryOnly == null) {
            PRIMARY_ONLY.remove();
        } else {
            PRIMARY_ONLY.set(primaryOnly);
        }
        return previous;
    }

    /** @param previous what {@link #setPrimaryOnly} returned */
    public static void restorePrimaryOnly(Boolean previous) {
        setPrimaryOnly(previous);
    }

    /** @return {@code true} when reads on this thread must go to the primary ({@link #setPrimaryOnly}) */
    public static boolean primaryOnly() {
        return Boolean.TRUE.equals(PRIMARY_ONLY.get());
    }
}
