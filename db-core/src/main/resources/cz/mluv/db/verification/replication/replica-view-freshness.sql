-- On the primary: when the last successful refresh of the view finished (mv_refresh_log; the
-- replicas' readers see the one their replay has reached, read on each replica with ReaderFreshness.SQL).
SELECT finished_at AS primary_refreshed_at,
       CAST(extract(epoch FROM clock_timestamp() - finished_at) * 1000 AS bigint) AS primary_age_ms
FROM mv_refresh_log
WHERE view_name = ? AND outcome = 'SUCCESS'
ORDER BY started_at DESC
LIMIT 1
