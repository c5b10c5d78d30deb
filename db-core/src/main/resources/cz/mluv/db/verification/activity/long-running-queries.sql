-- PgHero's long-running queries: statements of this database running longer than the threshold
-- (seconds, bound), the checking session left out. Idle-in-transaction sessions have their own check.
SELECT a.pid,
       coalesce(nullif(a.application_name, ''), '(none)')                      AS application_name,
       a.usename::text                                                         AS user_name,
       round(extract(epoch FROM clock_timestamp() - a.query_start)::numeric, 1) AS running_s,
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 200)                     AS query
FROM pg_stat_activity a
WHERE a.datname = current_database()
  AND a.state = 'active'
  AND a.backend_type = 'client backend'
  AND a.pid <> pg_backend_pid()
  AND a.query_start < clock_timestamp() - make_interval(secs => ?)
ORDER BY a.query_start
