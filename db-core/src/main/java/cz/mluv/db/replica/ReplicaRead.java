package cz.mluv.db.replica;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.NonBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read-routing policy of one read, declared beside it: this read tolerates replica lag up to
 * {@code MLUV_MAX_REPLICA_LAG}, so a healthy hot standby may serve it. Where replicas are
 * configured ({@link ReadRoutingDataSource}), the read goes to a replica that is up and whose replay
 * lag is within the limit, else to the primary; when the replica fails under it (stopped, crashed,
 * a query cancelled by a recovery conflict) the read is run again on the primary
 * ({@link ReadRoutingInterceptor}), so no request fails because a replica is gone. Without replicas
 * it changes nothing.
 *
 * <p>The counterpart is {@link PrimaryRead}. A read with neither reads the primary.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@Around
public @interface ReplicaRead {

    /** @return why lag is tolerable for this read, for the reader of the code and the docs */
    @NonBinding
    String value();
}
