package cz.mluv.db.refresh;

import cz.mluv.db.InvalidParameterException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Freshness of the materialized views for the API, the admin UI and the scheduler's health and
 * metrics: pg_matviews has no last-refresh column, so it is read from {@code mv_refresh_log}.
 * One SQL statement per call.
 */
@Singleton
public class ViewFreshness {

    /** Most log rows {@link #history} returns. */
    public static final int MAX_HISTORY = 500;

    private final RefreshLogRepository repository;

    /** @param repository reads of the refresh log */
    public ViewFreshness(RefreshLogRepository repository) {
        this.repository = repository;
    }

    /**
     * @param view a name from {@link ViewRefresher#VIEWS}
     * @return age of the view (ms since its last successful refresh finished), the last outcome
     *         and duration, failures in the last 24 h and whether a refresh runs now
     * @throws InvalidParameterException naming {@code view} when the view is not in the allow-list
     * @throws io.micronaut.data.exceptions.DataAccessException when the database cannot be read
     */
    public Freshness of(String view) {
        return repository.freshness(view, AdvisoryLock.NAMESPACE, lock(view).id());
    }

    /**
     * @param view  a name from {@link ViewRefresher#VIEWS}
     * @param limit rows, 1..{@link #MAX_HISTORY}
     * @return the latest refreshes of the view, newest first (RUNNING ones included)
     * @throws InvalidParameterException naming {@code view} or {@code limit} when out of range
     */
    public List<RefreshLogEntry> history(String view, int limit) {
        lock(view);
        InvalidParameterException.requireRange("limit", limit, 1, MAX_HISTORY);
        return repository.recent(view, limit);
    }

    private static AdvisoryLock lock(String view) {
        if (view == null || !ViewRefresher.VIEWS.contains(view)) {
            throw new InvalidParameterException("view", "view must be one of " + ViewRefresher.VIEWS + ", was " + view);
        }
        return AdvisoryLock.refreshOf(view);
    }
}
