-- The statements that took the most execution time over the snapshots after :from (an id,
-- exclusive) up to :to (inclusive), with the calls and the sums their mean and p95 proxy come
-- from (limit bound last).
SELECT h.queryid,
       min(h.query)                 AS query,
       sum(h.interval_calls)        AS calls,
       sum(h.interval_exec_ms)      AS exec_ms,
       sum(h.interval_sum_sq_ms)    AS sum_sq_ms
FROM query_stats_history h
WHERE h.snapshot_id > ? AND h.snapshot_id <= ?
GROUP BY h.queryid
HAVING sum(h.interval_calls) > 0
ORDER BY sum(h.interval_exec_ms) DESC, h.queryid
LIMIT ?
