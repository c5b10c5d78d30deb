package cz.mluv.api.caching;

import cz.mluv.db.replica.ReadRouting;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;

/**
 * Propagated with a request whose answer gets an {@code ETag} from the view's refresh generation:
 * on whatever thread the controller runs, its reads go to the primary ({@link ReadRouting#setPrimaryOnly}).
 * The generation is heard from the primary (LISTEN and its refresh log); a read replica may not have
 * replayed that refresh yet, and its older rows under the new tag would be cached and confirmed by
 * 304s for the whole generation. Reads answered without a tag (cache off, or the listener
 * reconnecting) keep their declared routing and may go to a replica.
 */
final class ReadOnPrimary implements ThreadPropagatedContextElement<Boolean> {

    @Override
    public Boolean updateThreadContext() {
        return ReadRouting.setPrimaryOnly(Boolean.TRUE);
    }

    @Override
    public void restoreThreadContext(Boolean previous) {
        ReadRouting.restorePrimaryOnly(previous);
    }
}
