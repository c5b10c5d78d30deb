-- The cumulative counters of every statement of this database in pg_stat_statements, one row per
-- queryid (summed over users and top-level flags). sum_sq_exec_ms is the sum of the squared
-- execution times, from pg_stat_statements' population stddev: (stddev^2 + mean^2) * calls, so
-- that the variance of an interval can be computed from two snapshots. The history's own
-- statements are left out.
SELECT s.queryid,
       min(left(regexp_replace(s.query, '\s+', ' ', 'g'), 2000))           AS query,
       sum(s.calls)                                                        AS calls,
       sum(s.total_exec_time)                                              AS total_exec_ms,
       sum((s.stddev_exec_time ^ 2 + s.mean_exec_time ^ 2) * s.calls)      AS sum_sq_exec_ms,
       max(s.max_exec_time)                                                AS max_exec_ms,
       sum(s.rows)                                                         AS result_rows
FROM pg_stat_statements s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND s.queryid IS NOT NULL
  AND s.calls > 0
  AND s.query !~* '(stats_snapshot|query_stats_history|relation_size_history|pg_stat_statements)'
GROUP BY s.queryid
