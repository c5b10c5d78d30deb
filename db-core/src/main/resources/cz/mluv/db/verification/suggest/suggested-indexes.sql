-- The SELECT statements of this database that took the most execution time (pg_stat_statements),
-- the candidates for a suggested index.
SELECT s.queryid,
       min(s.query)              AS query,
       sum(s.calls)              AS calls,
       sum(s.total_exec_time)    AS total_ms,
       sum(s.total_exec_time) / nullif(sum(s.calls), 0) AS mean_ms
FROM pg_stat_statements s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND s.query ~* '^\s*select\M'
  AND s.query !~* '(\mpg_stat|\mpg_class\M|\mpg_index\M|\mpg_namespace\M|\mpg_attribute\M|information_schema|\mpg_catalog\M)'
GROUP BY s.queryid
ORDER BY sum(s.total_exec_time) DESC
LIMIT 50
