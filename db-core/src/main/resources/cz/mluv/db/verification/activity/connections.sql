-- Client connections of the whole server by database, application and state (seed 001
-- "Connection Pool Monitoring"), with the server's max_connections: the limit is server-wide.
SELECT coalesce(datname, '')                                  AS database,
       coalesce(nullif(application_name, ''), '(none)')       AS application_name,
       coalesce(state, 'unknown')                             AS state,
       count(*)                                               AS connections,
       current_setting('max_connections')::int               AS max_connections
FROM pg_stat_activity
WHERE backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY connections DESC, 1, 2, 3
