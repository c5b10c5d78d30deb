-- The statements of the latest snapshot that had pg_stat_statements, with its reset time.
SELECT h.queryid, h.calls, h.total_exec_ms, h.sum_sq_exec_ms, p.statements_reset_at
FROM (SELECT id, statements_reset_at FROM stats_snapshot
      WHERE statements_available ORDER BY id DESC LIMIT 1) p
JOIN query_stats_history h ON h.snapshot_id = p.id
