-- PgHero's maintenance page: dead rows, live rows and the last (auto)vacuum and (auto)analyze of
-- every table of the current schema.
SELECT s.relname                                                  AS table_name,
       s.n_live_tup                                               AS live_rows,
       s.n_dead_tup                                               AS dead_rows,
       round(100.0 * s.n_dead_tup / greatest(s.n_live_tup, 1), 1) AS dead_percent,
       greatest(s.last_vacuum, s.last_autovacuum)                 AS last_vacuum,
       greatest(s.last_analyze, s.last_autoanalyze)               AS last_analyze
FROM pg_stat_user_tables s
WHERE s.schemaname = current_schema()
ORDER BY s.n_dead_tup DESC, s.relname
