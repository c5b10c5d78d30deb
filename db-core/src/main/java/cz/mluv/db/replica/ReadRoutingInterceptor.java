package cz.mluv.db.replica;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the routing policy a read declares ({@link ReplicaRead}, {@link PrimaryRead}) for the
 * time of the call, and runs a replica read again on the primary when the replica failed under it:
 * the read was idempotent, and the caller never learns that a replica went away. Only failures of
 * the replica itself are retried ({@link ReplicaFailures}); a bad parameter, a stale cursor or a
 * failure on the primary propagate as they are. One bean per annotation (Micronaut binds an
 * interceptor to a method only when the method carries every binding annotation of the interceptor).
 */
public abstract class ReadRoutingInterceptor implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadRoutingInterceptor.class);

    private final boolean replicaAllowed;

    ReadRoutingInterceptor(boolean replicaAllowed) {
        this.replicaAllowed = replicaAllowed;
    }

    /** The interceptor of {@link ReplicaRead}: a replica may serve the read. */
    @Singleton
    @InterceptorBean(ReplicaRead.class)
    public static class OnReplica extends ReadRoutingInterceptor {
        /** The bean. */
        public OnReplica() {
            super(true);
        }
    }

    /** The interceptor of {@link PrimaryRead}: the primary serves the read. */
    @Singleton
    @InterceptorBean(PrimaryRead.class)
    public static class OnPrimary extends ReadRoutingInterceptor {
        /** The bean. */
        public OnPrimary() {
            super(false);
        }
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        ReadRouting.State previous = ReadRouting.enter(replicaAllowed && !ReadRouting.primaryOnly());
        try {
            try {
                return context.proceed();
            } catch (RuntimeException e) {
                ReadRouting.State state = ReadRouting.current();
                Replica replica = state.servedBy;
                if (replica == null || !ReplicaFailures.isReplicaFailure(e)) {
                    throw e;
                }
                if (ReplicaFailures.isReplicaDown(e)) {
                    replica.failed(e);
                }
                LOG.info("{} failed on replica {} ({}); answered from the primary", context.getMethodName(), replica.name(),
                        ReplicaFailures.describe(e));
                ReadRouting.enter(false);
                return context.proceed(this);
            }
        } finally {
            ReadRouting.restore(previous);
        }
    }
}
