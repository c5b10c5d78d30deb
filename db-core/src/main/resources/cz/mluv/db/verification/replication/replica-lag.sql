-- Every standby streaming from this primary, as the primary sees it (pg_stat_replication needs
-- pg_monitor): replay_lag is the time between the primary flushing WAL and the standby reporting
-- it replayed; a stuck replay shows a growing lag while WAL keeps arriving. Bytes behind: WAL
-- written on the primary that the standby has not replayed yet.
SELECT application_name,
       client_addr::text                                             AS client_addr,
       state,
       (extract(epoch FROM replay_lag) * 1000)::bigint              AS replay_lag_ms,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint     AS replay_behind_bytes,
       sync_state
FROM pg_stat_replication
ORDER BY application_name, client_addr
