-- Sessions of this database idle inside an open transaction for longer than the threshold
-- (seconds, bound): they hold their locks and keep VACUUM from removing dead rows.
SELECT a.pid,
       coalesce(nullif(a.application_name, ''), '(none)')                        AS application_name,
       a.usename::text                                                           AS user_name,
       a.state,
       round(extract(epoch FROM clock_timestamp() - a.state_change)::numeric, 1) AS idle_s,
       round(extract(epoch FROM clock_timestamp() - a.xact_start)::numeric, 1)   AS transaction_s,
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 200)                       AS last_query
FROM pg_stat_activity a
WHERE a.datname = current_database()
  AND a.state IN ('idle in transaction', 'idle in transaction (aborted)')
  AND a.state_change < clock_timestamp() - make_interval(secs => ?)
ORDER BY a.state_change
