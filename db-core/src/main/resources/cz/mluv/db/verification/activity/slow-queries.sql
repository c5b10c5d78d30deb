-- The statements of this database whose mean execution time exceeds the threshold, slowest
-- first (seed 001 "Top 10 slowest queries"). Only queries and DML count: utility statements
-- (CREATE INDEX, REFRESH, ANALYZE, COPY, EXPLAIN) are deployment and maintenance work. The
-- counts start at the last pg_stat_statements_reset(): reset after a bulk load or a deployment
-- to judge the new code alone.
-- Parameter: 1 = the threshold, ms.
SELECT left(regexp_replace(s.query, '\s+', ' ', 'g'), 200) AS query,
       s.calls,
       round(s.mean_exec_time::numeric, 2)                 AS mean_ms,
       round(s.max_exec_time::numeric, 2)                  AS max_ms,
       round(s.total_exec_time::numeric, 1)                AS total_ms,
       s.rows,
       (SELECT stats_reset FROM pg_stat_statements_info)     AS counted_since
FROM pg_stat_statements s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND s.mean_exec_time > ?
  AND s.query ~* '^\s*(select|with|insert|update|delete|merge|table|values)\M'
ORDER BY s.mean_exec_time DESC
LIMIT 20
