package cz.mluv.db.refresh;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * Reads of {@code mv_refresh_log}; one SQL statement each, served by
 * {@code idx_mv_refresh_log_view_started (view_name, started_at DESC)}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshLogRepository extends GenericRepository<RefreshLogEntry, Long> {

    /**
     * Freshness of one view, computed on the database clock: the last SUCCESS, the last finished
     * refresh, failures in the last 24 h, and whether the view's advisory lock is held now.
     */
    String FRESHNESS_SQL = """
            SELECT CAST(:view AS text)                                                AS view_name,
                   s.finished_at                                                      AS last_success_at,
                   CAST(extract(epoch FROM clock_timestamp() - s.finished_at) * 1000 AS bigint) AS age_ms,
                   l.outcome                                                          AS last_outcome,
                   l.mode                                                             AS last_mode,
                   l.started_at                                                       AS last_started_at,
                   l.duration_ms                                                      AS last_duration_ms,
                   l.row_count                                                        AS last_row_count,
                   l.error                                                            AS last_error,
                   l.worker                                                           AS last_worker,
                   (SELECT count(*) FROM mv_refresh_log f
                    WHERE f.view_name = :view AND f.outcome = 'FAILED'
                      AND f.started_at >= clock_timestamp() - interval '24 hours')   AS failures_last24h,
                   EXISTS (SELECT 1 FROM pg_locks k
                           WHERE k.locktype = 'advisory' AND k.classid = CAST(CAST(:lockNamespace AS int) AS oid)
                             AND k.objid = CAST(CAST(:lockId AS int) AS oid) AND k.objsubid = 2 AND k.granted) AS refreshing
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT finished_at FROM mv_refresh_log
                               WHERE view_name = :view AND outcome = 'SUCCESS'
                               ORDER BY started_at DESC LIMIT 1) s ON true
            LEFT JOIN LATERAL (SELECT * FROM mv_refresh_log
                               WHERE view_name = :view AND outcome <> 'RUNNING'
                               ORDER BY started_at DESC LIMIT 1) l ON true""";

    /** SQL of {@link #recent}. */
    String RECENT_SQL = "SELECT * FROM mv_refresh_log WHERE view_name = :view ORDER BY started_at DESC, id DESC LIMIT :limit";

    /**
     * @param view          the view
     * @param lockNamespace {@link AdvisoryLock#NAMESPACE}
     * @param lockId        the view's {@link AdvisoryLock#id()}
     * @return one row, also for a view never refreshed (then its nullable fields are null)
     */
    @Query(FRESHNESS_SQL)
    Freshness freshness(String view, int lockNamespace, int lockId);

    /**
     * @param view  the view
     * @param limit rows
     * @return the latest refreshes of the view, newest first, RUNNING ones included
     */
    @Query(RECENT_SQL)
    List<RefreshLogEntry> recent(String view, int limit);
}
