-- Every materialized view of the current schema: populated? and its last successful refresh as
-- recorded in mv_refresh_log (pg_matviews has no last-refresh column: the seeds' query for it
-- fails), with the latest attempt's outcome.
SELECT v.matviewname                                        AS view_name,
       v.ispopulated                                        AS populated,
       ok.finished_at                                       AS last_success,
       extract(epoch FROM now() - ok.finished_at)::bigint  AS age_s,
       ok.row_count                                         AS rows_at_refresh,
       ok.duration_ms                                       AS refresh_ms,
       latest.outcome                                       AS latest_outcome,
       latest.error                                         AS latest_error
FROM pg_matviews v
LEFT JOIN LATERAL (SELECT r.finished_at, r.row_count, r.duration_ms
                   FROM mv_refresh_log r
                   WHERE r.view_name = v.matviewname AND r.outcome = 'SUCCESS'
                   ORDER BY r.started_at DESC
                   LIMIT 1) ok ON true
LEFT JOIN LATERAL (SELECT r.outcome, r.error
                   FROM mv_refresh_log r
                   WHERE r.view_name = v.matviewname
                   ORDER BY r.started_at DESC
                   LIMIT 1) latest ON true
WHERE v.schemaname = current_schema()
ORDER BY v.matviewname
