-- When the planner's statistics of each table and materialized view were last gathered (ANALYZE
-- or autovacuum's analyze), and how many rows changed since (seed 001: "ANALYZE" after a
-- migration; seed 003: "Run ANALYZE on affected tables").
SELECT relname                                                AS table_name,
       n_live_tup                                             AS live_rows,
       n_mod_since_analyze                                    AS changed_since_analyze,
       greatest(last_analyze, last_autoanalyze)               AS last_analyzed,
       extract(epoch FROM now() - greatest(last_analyze, last_autoanalyze))::bigint AS age_s
FROM pg_stat_user_tables
WHERE schemaname = current_schema()
ORDER BY relname
