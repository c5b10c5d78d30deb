-- On a standby: is it one, is replay paused, and how old is the data it serves. Lag is 0 when it
-- has replayed all the WAL it received but at most one WAL page (an idle primary writes nothing: the
-- age of the last replayed transaction is no lag then; and the received position can rest at the end
-- of a page the last record does not fill, which replay never reaches), else the time since the last replayed transaction was committed
-- (since the standby started, when it has replayed none since).
SELECT pg_is_in_recovery()                                           AS in_recovery,
       CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS replay_paused,
       pg_last_wal_receive_lsn()::text                               AS receive_lsn,
       pg_last_wal_replay_lsn()::text                                AS replay_lsn,
       CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) <= current_setting('wal_block_size')::int THEN 0
            ELSE (extract(epoch FROM now() - coalesce(pg_last_xact_replay_timestamp(), pg_postmaster_start_time())) * 1000)::bigint
       END                                                           AS replay_lag_ms
