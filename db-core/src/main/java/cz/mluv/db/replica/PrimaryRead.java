package cz.mluv.db.replica;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.NonBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read-routing policy of one read, declared beside it: this read must see every committed
 * write (read-your-writes), so it always goes to the primary, even when replicas are configured.
 * The counterpart of {@link ReplicaRead}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@Around
public @interface PrimaryRead {

    /** @return why this read cannot tolerate replica lag */
    @NonBinding
    String value();
}
