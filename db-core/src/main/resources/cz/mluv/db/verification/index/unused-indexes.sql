-- Indexes never scanned since the statistics were last reset (seed 002 "Find unused indexes"),
-- leaving out those that back a primary key, a unique rule or another constraint: they work on
-- every write even when no read scans them, and those of Flyway's own history table.
SELECT s.relname                                   AS table_name,
       s.indexrelname                              AS index_name,
       pg_size_pretty(pg_relation_size(s.indexrelid)) AS size,
       pg_relation_size(s.indexrelid)              AS size_bytes,
       coalesce(d.stats_reset, pg_postmaster_start_time()) AS counted_since
FROM pg_stat_user_indexes s
JOIN pg_index i ON i.indexrelid = s.indexrelid
CROSS JOIN (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) d
WHERE s.schemaname = current_schema()
  AND s.idx_scan = 0
  AND s.relname <> 'flyway_schema_history'
  AND NOT i.indisunique
  AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid)
ORDER BY pg_relation_size(s.indexrelid) DESC, s.relname, s.indexrelname
