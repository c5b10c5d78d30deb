-- Index builds running in this database right now (seed 003 "Check index creation progress").
SELECT p.pid,
       p.relid::regclass::text                                              AS table_name,
       nullif(p.index_relid, 0)::regclass::text                             AS index_name,
       p.command,
       p.phase,
       round(100.0 * p.blocks_done / nullif(p.blocks_total, 0), 1)          AS blocks_percent,
       p.tuples_done,
       p.tuples_total,
       p.lockers_done,
       p.lockers_total,
       round(extract(epoch FROM clock_timestamp() - a.query_start)::numeric, 1) AS running_s
FROM pg_stat_progress_create_index p
LEFT JOIN pg_stat_activity a ON a.pid = p.pid
WHERE p.datname = current_database()
ORDER BY p.pid
