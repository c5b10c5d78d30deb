-- Sessions of this database waiting for a lock, with the sessions that block them (seed 003
-- "Monitor database locks": wait_event_type = 'Lock'; pg_locks.granted = false).
SELECT a.pid,
       coalesce(nullif(a.application_name, ''), '(none)')                  AS application_name,
       l.locktype,
       l.mode,
       l.relation::regclass::text                                          AS relation,
       pg_blocking_pids(a.pid)                                             AS blocked_by,
       round(extract(epoch FROM clock_timestamp() - l.waitstart)::numeric, 1) AS waiting_s,
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 200)                 AS query
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE NOT l.granted
  AND a.datname = current_database()
ORDER BY l.waitstart
