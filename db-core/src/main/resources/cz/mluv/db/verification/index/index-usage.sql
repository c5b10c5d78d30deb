-- How often each index of the current schema was scanned since the statistics were last reset
-- (seed 001 "Index Usage Statistics", seed 002 "Continuous Monitoring").
SELECT s.relname                                   AS table_name,
       s.indexrelname                              AS index_name,
       s.idx_scan                                  AS scans,
       s.idx_tup_read                              AS tuples_read,
       s.idx_tup_fetch                             AS tuples_fetched,
       pg_size_pretty(pg_relation_size(s.indexrelid)) AS size,
       coalesce(d.stats_reset, pg_postmaster_start_time()) AS counted_since
FROM pg_stat_user_indexes s
CROSS JOIN (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) d
WHERE s.schemaname = current_schema()
ORDER BY s.idx_scan DESC, s.relname, s.indexrelname
