-- The cumulative counters of every statement of this database in pg_stat_statements, one row per
-- queryid (summed over users and top-level flags). sum_sq_exec_ms is the sum of the squared
-- execution times, from pg_stat_statements' population stddev: (stddev^2 + mean^2) * calls, so
-- that the variance of an interval can be computed from two snapshots. Monitoring statements (the
-- history's own, the catalogue's reads of pg_stat_*, pg_statio_*, pg_class, pg_locks, ...) are
-- left out: the history is about the application's workload.
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
  AND s.query !~* '(stats_snapshot|query_stats_history|relation_size_history|\mpg_stat|\mpg_class\M|\mpg_locks\M|\mpg_index\M|\mpg_namespace\M|\mpg_database\M|\mpg_extension\M|\mpg_matviews\M|\mpg_constraint\M|\mpg_attribute\M|\mpg_proc\M|\mpg_sequence|\mflyway_schema_history\M|information_schema)'
GROUP BY s.queryid
