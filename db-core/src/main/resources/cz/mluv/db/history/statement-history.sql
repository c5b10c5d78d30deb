-- One statement's newest intervals (limit bound), newest first: the calls and sums of each interval.
SELECT s.id AS snapshot_id, s.taken_at, h.interval_calls AS calls, h.interval_exec_ms AS exec_ms,
       h.interval_sum_sq_ms AS sum_sq_ms
FROM query_stats_history h
JOIN stats_snapshot s ON s.id = h.snapshot_id
WHERE h.queryid = ? AND h.interval_calls > 0
ORDER BY s.id DESC
LIMIT ?
